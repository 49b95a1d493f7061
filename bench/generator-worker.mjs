// Load generator thread: signed, unique Telegram updates over kept-alive node:http connections, closed or open loop.
//
// Closed loop: `concurrency` senders, each sending its next update when the last was answered,
// for `durationMs` (or `maxEvents`). Open loop: updates leave on a fixed schedule of `rate` per
// second for `durationMs`, however slow the answers are (up to `maxInFlight` outstanding).
// Every update is from a new person (id = idBase + index) or, with perPerson 7, the same
// walk through the intake that bench/telegram.lua sends. Times are absolute milliseconds.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, secret, mode, concurrency, durationMs, rate, maxEvents, idBase, perPerson, maxInFlight = 1024 } = workerData;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: mode === 'open' ? maxInFlight : concurrency });
const now = () => performance.timeOrigin + performance.now();
const CHOICES = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];
const BLOCK = 256;

/** The person and the step of the i-th update: interleaved in blocks, so one person's updates go in order. */
function personAndStep(i) {
  if (perPerson === 1) return [idBase + i, 0];
  const group = Math.floor(i / (BLOCK * perPerson));
  const within = i % (BLOCK * perPerson);
  return [idBase + group * BLOCK + (within % BLOCK), Math.floor(within / BLOCK)];
}

function body(i) {
  const [who, step] = personAndStep(i);
  const from = `{"id":${who},"is_bot":false,"first_name":"Ana","language_code":"en"}`;
  const chat = `{"id":${who},"first_name":"Ana","type":"private"}`;
  const updateId = idBase + i;
  if (step === 0) return `{"update_id":${updateId},"message":{"message_id":1,"from":${from},"chat":${chat},"date":1764000000,"text":"hello"}}`;
  return `{"update_id":${updateId},"callback_query":{"id":"${who}${step}","from":${from},"message":{"message_id":1001,"from":{"id":123456,"is_bot":true,"first_name":"Reclaim","username":"ReclaimTestBot"},"chat":${chat},"date":1764000001,"text":"Is this about you?"},"chat_instance":"-8915346723","data":"${CHOICES[(step - 1) % CHOICES.length]}"}}`;
}

/** Sends update i; resolves with its acknowledgement status. */
function send(i) {
  const payload = body(i);
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-telegram-bot-api-secret-token': secret },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

const limit = maxEvents ?? 10_000_000;
const sentAt = new Float64Array(Math.min(limit, 2_000_000));
const ackMs = new Float64Array(sentAt.length);
let next = 0;
let answered = 0;
let failures = 0;
const started = now();
const deadline = started + durationMs;

async function one(i) {
  const t = now();
  sentAt[i] = t;
  const status = await send(i);
  ackMs[i] = now() - t;
  answered += 1;
  if (status !== 200) failures += 1;
}

if (mode === 'closed') {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sentAt.length && now() < deadline) await one(next++);
    }),
  );
} else {
  // Each tick sends every update whose scheduled time has come; a slow server does not slow the schedule.
  const pending = new Set();
  await new Promise((resolve) => {
    const tick = () => {
      const t = now();
      const due = Math.min(sentAt.length, Math.floor(((Math.min(t, deadline) - started) / 1000) * rate));
      while (next < due) {
        // Too many unanswered: fall behind the schedule (the achieved rate shows it) rather than pile up sockets.
        if (pending.size >= maxInFlight) break;
        const work = one(next++).finally(() => pending.delete(work));
        pending.add(work);
      }
      if (t >= deadline || next >= sentAt.length) resolve(undefined);
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
}
const finished = now();
parentPort.postMessage({
  sent: next,
  answered,
  failures,
  startedAt: started,
  seconds: (finished - started) / 1000,
  sentAt: sentAt.slice(0, next),
  ackMs: ackMs.slice(0, next),
});
agent.destroy();
