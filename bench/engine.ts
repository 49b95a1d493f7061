// Engine benchmark, in-process: events walking people through the intake on SQLite and PostgreSQL, and snapshot sizes.
//
// The engine is reached through `createReclaim` (no HTTP, no workers started), so the figure
// follows whatever engine the tree has. Run alone (`npx tsx bench/engine.ts`) it prints plain
// lines; with `--json sqlite|postgres` it prints one BENCH_RESULT line for bench/run.ts.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/core/logger';
import { createReclaim, type Reclaim } from '../src/server';
import { dropPgSchema } from '../src/store/database';
import type { InboundEvent } from '../src/core/events';
import { runRiskBench } from './risk';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHOICES = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

export type EngineDialect = 'sqlite' | 'postgres';

/** Figures from one engine run. */
export interface EngineFigures {
  dialect: EngineDialect;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** People walked through, unmeasured, before the measured ones. */
  warmPeople: number;
  /** The process's CPU (all threads, user + system) per event: steadier than the rate on a shared machine. */
  cpuMicrosPerEvent: number;
  snapshotMeanBytes: number;
  snapshotMaxBytes: number;
}

/** Events that walk `users` people through the intake, interleaved, as a busy channel would deliver them. */
function workload(users: number, first = 0): InboundEvent[][] {
  return Array.from({ length: users }, (_, i) => first + i).map((u) =>
    Array.from({ length: CHOICES.length + 1 }, (_, step): InboundEvent => ({
      type: 'inbound',
      channel: 'console',
      userId: `bench-${u}`,
      dedupeKey: `bench:${u}:${step}`,
      kind: step === 0 ? 'text' : 'choice',
      ...(step === 0 ? { text: 'hi' } : { choiceId: CHOICES[step - 1]! }),
      localeHint: 'th',
      at: 1_700_000_000_000 + step,
    })),
  );
}

/**
 * People walked through before the measured ones. Measured alternately on SQLite (this machine,
 * 1,000 people measured): without them V8 was still compiling through the first ~2,000 events.
 */
const WARM_USERS = 300;

/** A whole Reclaim without HTTP or workers, on a throwaway SQLite file or PostgreSQL schema; `env` adds to its configuration (a channel, say). */
export async function openBenchReclaim(dialect: EngineDialect, env: Record<string, string> = {}): Promise<{ reclaim: Reclaim; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-engine-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ PORT: '0', DATA_DIR: dir, PUBLIC_BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent', PG_POOL_SIZE: '16', ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL } : {}), ...env });
  const reclaim = await createReclaim(config, { logger: silentLogger, ...(dialect === 'postgres' ? { pgSchema: schema } : {}) });
  return {
    reclaim,
    async cleanup() {
      await reclaim.close();
      if (dialect === 'postgres') await dropPgSchema(PG_URL, schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Handles every person's events in order, `concurrency` people at a time, and measures the rate
 * and the stored snapshots. After `maxSeconds` no new person starts (a slow store ends early).
 */
export async function measureEngine(dialect: EngineDialect, users = 1000, concurrency = 16, maxSeconds = 30): Promise<EngineFigures> {
  const { reclaim, cleanup } = await openBenchReclaim(dialect);
  try {
    // The engine alone: replies are committed to the outbox and not delivered (end to end measures delivery).
    await reclaim.outbox.stop();
    const run = async (queues: InboundEvent[][], deadline: number) => {
      let events = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let q = queues.shift(); q && performance.now() < deadline; q = queues.shift()) {
            for (const e of q) await reclaim.engine.handle(e);
            events += q.length;
          }
        }),
      );
      return events;
    };
    // Unmeasured people first, as many as a busy minute brings: V8 compiles the hot path while they go through.
    await run(workload(WARM_USERS, users), performance.now() + maxSeconds * 1000);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const events = await run(workload(users), performance.now() + maxSeconds * 1000);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sizes = (await reclaim.store.db.selectFrom('conversations').select('snapshot').execute()).map((r) => Buffer.byteLength(r.snapshot));
    return {
      dialect,
      events,
      seconds,
      eventsPerSecond: events / seconds,
      warmPeople: WARM_USERS,
      cpuMicrosPerEvent: (cpu.user + cpu.system) / Math.max(1, events),
      snapshotMeanBytes: sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length),
      snapshotMaxBytes: Math.max(0, ...sizes),
    };
  } finally {
    await cleanup();
  }
}

function describe(label: string, f: EngineFigures): string {
  return `${label}: ${f.events} events in ${f.seconds.toFixed(2)} s = ${Math.round(f.eventsPerSecond)} events/s (${Math.round(f.cpuMicrosPerEvent)} cpu-µs each); snapshot ${Math.round(f.snapshotMeanBytes)} B mean, ${f.snapshotMaxBytes} B max`;
}

/** Prints risk detection speed, then events/s and snapshot sizes for SQLite and (when reachable) PostgreSQL. */
export async function runEngineBench(users = Number(process.env.BENCH_USERS ?? 1000)): Promise<void> {
  // Every inbound text goes through risk detection before the flow sees it.
  runRiskBench();
  console.log(describe('engine on SQLite (file, WAL)', await measureEngine('sqlite', users)));
  try {
    console.log(describe('engine on PostgreSQL', await measureEngine('postgres', users)));
  } catch (error) {
    console.log(`engine on PostgreSQL: skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const json = process.argv.indexOf('--json');
  if (json < 0) await runEngineBench();
  else {
    const dialect = process.argv[json + 1] === 'postgres' ? 'postgres' : 'sqlite';
    console.log(`BENCH_RESULT ${JSON.stringify(await measureEngine(dialect, Number(process.env.BENCH_USERS ?? 1000), 16, Number(process.env.BENCH_ENGINE_SECONDS ?? 30)))}`);
  }
}
