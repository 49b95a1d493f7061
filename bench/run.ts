// `npm run bench`: the floor and Reclaim side by side under the same load, end to end, the engine alone, memory; one table with the targets.

import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EngineFigures } from './engine';
import type { EngineFloorFigures } from './engine-floor';
import { absoluteNow, BOT_TOKEN, startFakeBotApi, WEBHOOK_SECRET, type FakeBotApi } from './fake-bot-api';
import { percentile, runGenerator } from './generator';
import { child, FIRST_ANSWER_MESSAGES, postgresReachable, processCpu, threadCpu, startFloor, startReclaim, type Dialect, type RunningServer } from './processes';
import { printReport, type DialectFigures, type Report } from './report';
import type { RssFigures } from './rss';
import { runRiskBench } from './risk';
import { findWrk, runAckLoad, type AckResult } from './wrk';

const ROOT = resolve(import.meta.dirname, '..');

/** Knobs, all optional: how long each load runs, how many connections, which parts. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** BENCH_PACED=1 keeps Telegram's 30 messages/s send pacing (then end to end measures the pacing, not Reclaim). */
const PACED = process.env.BENCH_PACED === '1';
const PARTS = new Set((process.env.BENCH_PARTS ?? 'ack,e2e,engine,rss').split(','));
const WANTED_DIALECTS = new Set((process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(','));
/** Longest the replies of one end-to-end load may take to arrive after its last webhook. */
const DRAIN_LIMIT_MS = 60_000;

let nextIdBase = 1_000_000_000;
/** A fresh range of person and update ids for each load (wrk threads take 100,000,000 each). */
function idBase(): number {
  nextIdBase += 1_000_000_000;
  return nextIdBase;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `work` against a server that is stopped afterwards, whatever happens. */
async function withServer<T>(start: () => Promise<RunningServer>, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** One second of the same load first, unmeasured: connections, JIT and the first pages of the database warm up. */
async function ackLoad(url: string, perPerson: 1 | 7): Promise<AckResult> {
  await runAckLoad({ url, secret: WEBHOOK_SECRET, seconds: 1, connections: CONNECTIONS, perPerson, idBase: idBase() });
  return runAckLoad({ url, secret: WEBHOOK_SECRET, seconds: SECONDS, connections: CONNECTIONS, perPerson, idBase: idBase() });
}

export interface EndToEnd {
  /** Webhooks sent, and first replies that reached the fake Bot API. */
  sent: number;
  delivered: number;
  /** Delivered replies per second, from the first webhook to the last reply. */
  eventsPerSecond: number;
  /** Rate the webhooks were sent at. */
  offeredPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ackP99Ms: number;
  /** Messages the fake Bot API received per first reply, from the first webhook until the last first reply. */
  messagesPerReply: number;
  /** The server process's CPU (user + system) from the first webhook until the last reply, per reply; absent off Linux. */
  serverCpuMsPerReply?: number;
  /** The warm-up the server had before this load (see warmUp). */
  warmed?: Warmed;
}

/** Waits until every person of the load has their first reply, or none arrived for 15 s, or the drain limit passed. */
async function drain(fake: FakeBotApi, base: number, sent: number): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    let got = 0;
    for (let i = 0; i < sent; i++) if (fake.firstReplyAt.has(base + i)) got++;
    if (got >= sent || Date.now() > deadline || Date.now() - lastChange > 15_000) return;
    if (got !== last) {
      last = got;
      lastChange = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Webhook → first reply at the fake Bot API, one new person per webhook; closed loop (peak) or a fixed rate. */
async function endToEnd(server: RunningServer, fake: FakeBotApi, load: { mode: 'closed' } | { mode: 'open'; rate: number }, seconds = SECONDS): Promise<EndToEnd> {
  const base = idBase();
  // CPU per reply is steadier than a rate on a shared machine: it does not fall when a neighbour takes a core.
  const cpuBefore = processCpu(server.pid).seconds;
  const messagesBefore = fake.messages();
  const run = await runGenerator({ url: server.url, secret: WEBHOOK_SECRET, durationMs: seconds * 1000, idBase: base, perPerson: 1, concurrency: CONNECTIONS, ...load });
  await drain(fake, base, run.sent);
  const cpuSeconds = processCpu(server.pid).seconds - cpuBefore;
  const messages = fake.messages() - messagesBefore;
  const latencies: number[] = [];
  let lastReply = 0;
  for (let i = 0; i < run.sent; i++) {
    const at = fake.firstReplyAt.get(base + i);
    if (at === undefined) continue;
    latencies.push(at - run.sentAt[i]!);
    lastReply = Math.max(lastReply, at);
  }
  const firstSent = run.sentAt[0] ?? absoluteNow();
  return {
    sent: run.sent,
    delivered: latencies.length,
    eventsPerSecond: latencies.length / Math.max(1e-3, (lastReply - firstSent) / 1000),
    offeredPerSecond: run.eventsPerSecond,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    ackP99Ms: run.ackP99Ms,
    messagesPerReply: messages / Math.max(1, latencies.length),
    ...(cpuSeconds > 0 && latencies.length > 0 ? { serverCpuMsPerReply: (cpuSeconds * 1000) / latencies.length } : {}),
  };
}

/**
 * Loads a fresh server until it runs as it would after hours of traffic, replies awaited, so that
 * start-up work is not counted: one-second loads at WARM_RATE until its threads other than the main
 * one (V8 compiling hot code, garbage-collection helpers, the checkpointer) use no more than
 * SETTLED_OTHERS of a core, at least WARM_MIN_SECONDS and at most WARM_MAX_SECONDS. Without it,
 * V8's compiler took ~1.7 cpu-s on the second core during a 5 s load at 456/s that came after
 * 100 events of warm-up, and ~0.4 cpu-s after 4,000.
 */
async function warmUp(server: RunningServer, fake: FakeBotApi): Promise<Warmed> {
  const started = Date.now();
  let events = 0;
  let seconds = 0;
  for (;;) {
    const before = threadCpu(server.pid);
    const at = Date.now();
    const run = await endToEnd(server, fake, { mode: 'open', rate: WARM_RATE }, 1);
    events += run.sent;
    seconds++;
    const others = (threadCpu(server.pid).others - before.others) / Math.max(1e-3, (Date.now() - at) / 1000);
    if (process.env.BENCH_WARM_LOG) log(`  warm-up second ${seconds}: ${run.sent} events, other threads ${(others * 100).toFixed(0)} % of a core`);
    if (seconds >= WARM_MIN_SECONDS && (others <= SETTLED_OTHERS || seconds >= WARM_MAX_SECONDS)) break;
  }
  return { rate: WARM_RATE, events, seconds: (Date.now() - started) / 1000 };
}

const WARM_RATE = 200;
const WARM_MIN_SECONDS = 3;
const WARM_MAX_SECONDS = 30;
const SETTLED_OTHERS = 0.1;

export interface Warmed {
  /** Events a second it was warmed with. */
  rate: number;
  events: number;
  seconds: number;
}

async function dialectPart(dialect: Dialect, fake: FakeBotApi, report: Report): Promise<void> {
  const side: DialectFigures = {};
  report.dialects[dialect] = side;
  const reclaim = () => startReclaim(dialect, fake.url, BOT_TOKEN, WEBHOOK_SECRET, PACED);
  if (PARTS.has('ack')) {
    for (const perPerson of [1, 7] as const) {
      log(`${dialect}: floor, ${perPerson} event(s) per person…`);
      const floor = await withServer(() => startFloor(dialect, WEBHOOK_SECRET), (s) => ackLoad(s.url, perPerson));
      log(`${dialect}: reclaim serve, ${perPerson} event(s) per person…`);
      const server = await withServer(reclaim, (s) => ackLoad(s.url, perPerson));
      side[perPerson === 1 ? 'ack1' : 'ack7'] = { floor, reclaim: server };
    }
  }
  if (PARTS.has('e2e')) {
    log(`${dialect}: end to end, the floor's peak, then Reclaim's peak and half of it…`);
    // Each load on a fresh server, warmed first: a peak's backlog (replies still queued when it ends)
    // would delay every reply of the next load and measure the backlog, not that load's latency.
    const warmedLoad = (start: () => Promise<RunningServer>, load: { mode: 'closed' } | { mode: 'open'; rate: number }) =>
      withServer(start, async (s) => {
        const warmed = await warmUp(s, fake);
        return { ...(await endToEnd(s, fake, load)), warmed };
      });
    // BENCH_E2E_RATE: only that fixed rate, no peak: the same load for both sides of an A/B comparison.
    const fixed = Number(process.env.BENCH_E2E_RATE ?? 0);
    if (fixed <= 0) {
      // The end-to-end floor under the same closed loop: what the machine allows an answer of that many messages at all.
      side.e2eFloor = await warmedLoad(() => startFloor(dialect, WEBHOOK_SECRET, { apiRoot: fake.url, token: BOT_TOKEN, messages: FIRST_ANSWER_MESSAGES }), { mode: 'closed' });
    }
    const peak = fixed > 0 ? undefined : await warmedLoad(reclaim, { mode: 'closed' });
    if (peak) side.e2ePeak = peak;
    const fixedRate = (rate: number) => warmedLoad(reclaim, { mode: 'open', rate });
    side.e2eHalf = await fixedRate(peak ? Math.max(1, peak.eventsPerSecond / 2) : fixed);
    if (peak && process.env.BENCH_SUSTAINED !== '0') {
      log(`${dialect}: end to end, the highest fixed rate kept with p99 ≤ ${SUSTAINED_P99_MS} ms…`);
      side.e2eSustained = (await sustainedRate(side.e2eHalf, fixedRate)) ?? null;
    }
  }
}

/** A fixed rate is kept when every reply came and p99 stayed within this. */
export const SUSTAINED_P99_MS = 250;

const kept = (r: EndToEnd) => r.delivered === r.sent && r.p99Ms <= SUSTAINED_P99_MS;

/**
 * "Peak" counts replies until the last one, most of which come after the load stops; the rate a
 * server keeps up with while webhooks keep arriving can be lower. Starting from half of peak, the
 * rate goes up by 40 % while it is kept, or down by 30 % until it is, three steps at most each way.
 * Each try runs on a fresh server, so no try inherits another's backlog.
 */
async function sustainedRate(half: EndToEnd, fixedRate: (rate: number) => Promise<EndToEnd>): Promise<EndToEnd | undefined> {
  let rate = half.offeredPerSecond;
  if (kept(half)) {
    let best = half;
    for (let step = 0; step < 3; step++) {
      rate *= 1.4;
      const tried = await fixedRate(rate);
      if (!kept(tried)) break;
      best = tried;
    }
    return best;
  }
  for (let step = 0; step < 3; step++) {
    rate = Math.max(1, rate * 0.7);
    const tried = await fixedRate(rate);
    if (kept(tried)) return tried;
  }
  return undefined;
}

/** Runs every part and prints the report on stdout (progress goes to stderr). */
export async function main(): Promise<Report> {
  const wrk = findWrk();
  const report: Report = {
    generator: wrk ? `wrk (${wrk}) -t2 -c${CONNECTIONS}` : `Node worker thread, node:http keep-alive, ${CONNECTIONS} connections (install wrk for a lighter generator: apt-get install wrk)`,
    seconds: SECONDS,
    paced: PACED,
    connections: CONNECTIONS,
    loadAverage: loadavg()[0]!,
    dialects: {},
  };
  const dialects: Dialect[] = [];
  if (WANTED_DIALECTS.has('sqlite')) dialects.push('sqlite');
  if (WANTED_DIALECTS.has('postgres')) {
    if (await postgresReachable()) dialects.push('postgres');
    else report.postgresSkipped = 'PostgreSQL not reachable (BENCH_DATABASE_URL)';
  }
  const fake = await startFakeBotApi();
  try {
    for (const dialect of dialects) {
      if (PARTS.has('ack') || PARTS.has('e2e')) await dialectPart(dialect, fake, report);
      fake.reset();
    }
  } finally {
    await fake.close();
  }
  if (PARTS.has('engine')) {
    if (dialects.includes('sqlite')) {
      log('sqlite: the engine floor, in-process…');
      try {
        report.engineFloor = await child<EngineFloorFigures>(['--import', 'tsx', join(ROOT, 'bench', 'engine-floor.ts')], {}, 120);
      } catch (error) {
        report.engineFloor = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    report.engine = {};
    for (const dialect of dialects) {
      log(`${dialect}: engine alone, in-process…`);
      try {
        report.engine[dialect] = await child<EngineFigures>(['--import', 'tsx', join(ROOT, 'bench', 'engine.ts'), '--json', dialect], {}, Number(process.env.BENCH_ENGINE_SECONDS ?? 30) + 60);
      } catch (error) {
        report.engine[dialect] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  }
  if (PARTS.has('rss')) {
    log('sqlite: resident memory over stored conversations…');
    try {
      report.rss = await child<RssFigures>(['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'rss.ts')], {}, Number(process.env.BENCH_RSS_SECONDS ?? 300) + 60);
    } catch (error) {
      report.rssError = error instanceof Error ? error.message : String(error);
    }
  }
  // Every inbound text goes through risk detection before the flow sees it.
  if (PARTS.has('engine')) runRiskBench((line) => (report.risk = line));
  report.loadAverageAfter = loadavg()[0]!;
  printReport(report, (line) => process.stdout.write(`${line}\n`));
  return report;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
