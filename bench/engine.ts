// Engine benchmark: restore → transition → persist per event, on a SQLite file and on PostgreSQL.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createEngine } from '../src/engine/engine';
import { createTranslator } from '../src/engine/i18n';
import { dropPgSchema, openStore, type Store } from '../src/store/database';
import type { InboundEvent } from '../src/core/events';
import { runRiskBench } from './risk';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHOICES = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

/** Events that walk `users` people through the intake, interleaved, as a busy channel would deliver them. */
function workload(users: number): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (let step = 0; step <= CHOICES.length; step++) {
    for (let u = 0; u < users; u++) {
      const choiceId = CHOICES[step - 1];
      events.push({
        type: 'inbound',
        channel: 'console',
        userId: `bench-${u}`,
        dedupeKey: `bench:${u}:${step}`,
        kind: step === 0 ? 'text' : 'choice',
        ...(step === 0 ? { text: 'hi' } : { choiceId: choiceId! }),
        localeHint: 'th',
        at: 1_700_000_000_000 + step,
      });
    }
  }
  return events;
}

async function measure(label: string, store: Store, users: number, concurrency: number) {
  const translator = await createTranslator();
  const engine = createEngine({ store, translator });
  const events = workload(users);
  // Events of one person stay in order; people run side by side, as webhooks for many people do.
  const byUser = new Map<string, InboundEvent[]>();
  for (const e of events) byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
  const queues = [...byUser.values()];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let q = queues.shift(); q; q = queues.shift()) for (const e of q) await engine.handle(e);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sizes = (await store.db.selectFrom('conversations').select('snapshot').execute()).map((r) => Buffer.byteLength(r.snapshot));
  const max = Math.max(...sizes);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  console.log(`${label}: ${events.length} events in ${seconds.toFixed(2)} s = ${Math.round(events.length / seconds)} events/s; snapshot ${Math.round(mean)} B mean, ${max} B max`);
}

/** Prints risk detection speed, then events/s and snapshot sizes for SQLite and (when reachable) PostgreSQL. */
export async function runEngineBench(users = Number(process.env.BENCH_USERS ?? 1000)): Promise<void> {
  // Every inbound text goes through risk detection before the flow sees it.
  runRiskBench();
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-'));
  try {
    const sqlite = await openStore({ sqlitePath: join(dir, 'reclaim.db') });
    await measure('engine on SQLite (file, WAL)', sqlite, users, 16);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  let pg: Store | undefined;
  try {
    pg = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 16 });
  } catch (error) {
    console.log(`engine on PostgreSQL: skipped (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  try {
    await measure('engine on PostgreSQL', pg, users, 16);
  } finally {
    await pg.close();
    await dropPgSchema(PG_URL, schema);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runEngineBench();
