// Delivery benchmark: the outbox worker sending queued replies through the Telegram channel, beside a floor.
//
// Reclaim: people's first messages are handled by the engine with delivery stopped, so their
// replies wait in the outbox (two per person, as the intake's first answer is); then the outbox
// worker is started and sends them all through the real Telegram channel (grammY and its
// transport) to a lean fake Bot API, pacing lifted. Floor: the same grammY client sends the same
// number of messages, two per chat in order, as many chats at a time as the worker delivers to,
// with nothing else. Each side runs in a process of its own, the fake Bot API in this one, so a
// side's CPU is its own. `npm run bench:delivery` prints both, alternating, with the ratio.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createTelegramApi } from '../src/channels/telegram/channel';
import { DEFAULT_CONCURRENCY } from '../src/engine/outbox';
import type { InboundEvent } from '../src/core/events';
import { BOT_TOKEN, startFakeBotApi, WEBHOOK_SECRET } from './fake-bot-api';
import { openBenchReclaim } from './engine';
import { child } from './processes';

const ROOT = join(import.meta.dirname, '..');

/** Figures from one side's run. */
export interface DeliveryFigures {
  side: 'reclaim' | 'floor';
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  /** The process's CPU (all threads) per message sent. */
  cpuMicrosPerMessage: number;
}

/** People whose replies are sent unmeasured first, so V8 has compiled the sending path. */
const WARM_PEOPLE = 500;

async function measureReclaim(apiRoot: string, people: number): Promise<DeliveryFigures> {
  const { reclaim, cleanup } = await openBenchReclaim('sqlite', { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: apiRoot });
  try {
    for (const adapter of reclaim.channels.all.values()) adapter.capabilities.ratePerSecond = 1_000_000;
    await reclaim.outbox.stop();
    const queue = async (first: number, count: number) => {
      for (let i = first; i < first + count; i++) {
        const event: InboundEvent = { type: 'inbound', channel: 'telegram', userId: String(7_000_000 + i), dedupeKey: `bench:delivery:${i}`, kind: 'text', text: 'hi', localeHint: 'th', at: Date.now() };
        await reclaim.engine.handle(event);
      }
    };
    const waiting = async () => Number((await reclaim.store.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
    // Stopped, the worker takes nothing from commits: every reply waits in the outbox until it starts.
    await queue(0, WARM_PEOPLE);
    reclaim.outbox.start();
    await reclaim.outbox.drain();
    await reclaim.outbox.stop();
    await queue(WARM_PEOPLE, people);
    // What queueing wrote is checkpointed now, not by the background checkpointer during the measured sends.
    await sql`pragma wal_checkpoint(truncate)`.execute(reclaim.store.db);
    const messages = await waiting();
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    reclaim.outbox.start();
    await reclaim.outbox.drain();
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if ((await waiting()) !== 0) throw new Error('messages left unsent');
    return { side: 'reclaim', messages, seconds, messagesPerSecond: messages / seconds, cpuMicrosPerMessage: (cpu.user + cpu.system) / messages };
  } finally {
    await cleanup();
  }
}

async function measureFloor(apiRoot: string, people: number): Promise<DeliveryFigures> {
  const api = createTelegramApi(BOT_TOKEN, apiRoot);
  const texts = ['สวัสดีนะ เราอยู่ตรงนี้ ค่อย ๆ ไปด้วยกันนะ', 'เรื่องนี้เป็นของใคร'];
  const send = async (first: number, count: number) => {
    let next = first;
    await Promise.all(
      Array.from({ length: DEFAULT_CONCURRENCY }, async () => {
        for (let chat = next++; chat < first + count; chat = next++) {
          for (const text of texts) await api.sendMessage(7_000_000 + chat, text);
        }
      }),
    );
    return count * texts.length;
  };
  await send(0, WARM_PEOPLE);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const messages = await send(WARM_PEOPLE, people);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { side: 'floor', messages, seconds, messagesPerSecond: messages / seconds, cpuMicrosPerMessage: (cpu.user + cpu.system) / messages };
}

/** Runs one side in a process of its own against the fake at `apiRoot`; ended after a few minutes. */
function side(which: 'reclaim' | 'floor', apiRoot: string, people: number): Promise<DeliveryFigures> {
  return child<DeliveryFigures>(['--import', 'tsx', join(ROOT, 'bench', 'delivery.ts'), '--json', which, apiRoot, String(people)], {}, 300);
}

/** Alternates floor and Reclaim `rounds` times; prints each run and the ratio of the medians. */
export async function runDeliveryBench(people = Number(process.env.BENCH_USERS ?? 3000), rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<void> {
  const fake = await startFakeBotApi();
  try {
    const runs: DeliveryFigures[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const which of ['floor', 'reclaim'] as const) {
        const figures = await side(which, fake.url, people);
        runs.push(figures);
        console.log(`${which.padEnd(7)} ${figures.messages} messages in ${figures.seconds.toFixed(2)} s = ${Math.round(figures.messagesPerSecond)}/s, ${Math.round(figures.cpuMicrosPerMessage)} cpu-µs each`);
      }
    }
    const median = (which: 'reclaim' | 'floor', pick: (f: DeliveryFigures) => number) => {
      const values = runs.filter((f) => f.side === which).map(pick).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)]!;
    };
    const rate = median('reclaim', (f) => f.messagesPerSecond) / median('floor', (f) => f.messagesPerSecond);
    const cpu = median('reclaim', (f) => f.cpuMicrosPerMessage) / median('floor', (f) => f.cpuMicrosPerMessage);
    console.log(`medians: Reclaim sends at ${(rate * 100).toFixed(0)} % of the floor's rate, at ${cpu.toFixed(2)}× its CPU per message`);
  } finally {
    await fake.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const json = process.argv.indexOf('--json');
  if (json < 0) await runDeliveryBench();
  else {
    const [which, apiRoot, people] = process.argv.slice(json + 1);
    const figures = which === 'floor' ? await measureFloor(apiRoot!, Number(people)) : await measureReclaim(apiRoot!, Number(people));
    console.log(`BENCH_RESULT ${JSON.stringify(figures)}`);
  }
}
