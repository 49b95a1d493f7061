// Claims cost the batch, not the queue: planned at each execution on PostgreSQL, read in queue order from an index on both databases.

import { randomBytes } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import { createInbox } from '../../src/engine/inbox';
import { createTimerWorker } from '../../src/engine/timers';
import { CLAIM, claimParameters, createOutboxWorker } from '../../src/engine/outbox';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { ChannelAdapter } from '../../src/core/channel';
import type { InboundEvent } from '../../src/core/events';
import { silentLogger } from '../../src/core/logger';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { freshStore, PG_URL } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

type Waiting = { conversation: string; dueAt: number; leasedUntil?: number };

/** The outbox row of a message of `conversation` waiting to go at `dueAt` (0: at once), leased until `leasedUntil` if given. */
const waiting = (row: Waiting) => ({
  conversation_id: row.conversation, channel: 'console', user_id: row.conversation, message: '{}', created_at: 0,
  status: 'pending', attempts: 0, next_attempt_at: row.dueAt, lease_until: row.leasedUntil ?? null,
});

/** Queues the messages one by one, in the order given; their ids. */
async function queue(store: Store, rows: Waiting[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) ids.push((await store.db.insertInto('outbox').values(waiting(row)).returning('id').executeTakeFirstOrThrow()).id);
  return ids;
}

async function claim(store: Store, t: number, batch: number): Promise<number[]> {
  const { rows } = await store.db.executeQuery<{ id: number }>(CompiledQuery.raw(CLAIM[store.dialect], claimParameters(t + 60_000, t, batch)));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe.each(['sqlite', 'postgres'] as const)('the outbox claim on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  it('takes the first messages that may go, new ones and retries due alike, in queue order', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const now = 10_000;
    const [a1, bRetry, cLater, d1, c2, a2, eLeased, e2] = await queue(store, [
      { conversation: 'a', dueAt: 0 },
      { conversation: 'b', dueAt: now - 1 }, // a retry due by now
      { conversation: 'c', dueAt: now + 5_000 }, // a retry not yet due
      { conversation: 'd', dueAt: 0 },
      { conversation: 'c', dueAt: 0 }, // behind c's retry: must wait for it
      { conversation: 'a', dueAt: 0 }, // behind a1, which is free: may go in the same claim
      { conversation: 'e', dueAt: 0, leasedUntil: now + 1 }, // being sent by someone
      { conversation: 'e', dueAt: 0 }, // behind it
    ]);
    expect(await claim(store, now, 3)).toEqual([a1, bRetry, d1]);
    // a1 is now leased, so a2 waits for it; c2 waits for c's retry; e2 for e's message in flight.
    expect(await claim(store, now, 10)).toEqual([]);
    // Once c's retry is due it goes, with c2 behind it (one delivery sends a conversation's messages in order);
    // e's lease has run out, so its two go again; a2 still waits for a1, leased for a minute.
    expect(await claim(store, now + 5_000, 10)).toEqual([cLater, c2, eLeased, e2]);
    expect(await claim(store, now + 5_000, 10)).not.toContain(a2);
  });

  it('reads the queue in order and stops at the batch instead of sorting every waiting message', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const now = 10_000;
    // A wave: 3,000 new messages waiting, 40 already being sent at the head, 500 retries not yet due.
    const wave = Array.from({ length: 3_000 }, (_, i): Waiting => ({ conversation: `w${i}`, dueAt: 0, ...(i < 40 ? { leasedUntil: now + 1 } : {}) }));
    const later = Array.from({ length: 500 }, (_, i): Waiting => ({ conversation: `r${i}`, dueAt: now + 60_000 }));
    await store.db.transaction().execute(async (tx) => {
      for (const part of [wave, later]) {
        for (let i = 0; i < part.length; i += 200) {
          await tx.insertInto('outbox').values(part.slice(i, i + 200).map(waiting)).execute();
        }
      }
    });
    const [first] = await store.db.selectFrom('outbox').select('id').orderBy('id').limit(1).execute();
    const params = claimParameters(now + 60_000, now, 10);
    if (dialect === 'sqlite') {
      // SQLite: the new messages are searched by due time and walked in id order (no sort of their own), retries by a range.
      const plan = (await store.db.executeQuery<{ id: number; parent: number; detail: string }>(CompiledQuery.raw(`explain query plan ${CLAIM.sqlite}`, params))).rows;
      const fresh = plan.find((row) => row.detail === 'CO-ROUTINE fresh');
      expect(fresh).toBeDefined();
      const inFresh = plan.filter((row) => row.parent === fresh!.id).map((row) => row.detail);
      expect(inFresh).toContain('SEARCH o USING INDEX outbox_ready (next_attempt_at=?)');
      expect(inFresh.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([]);
      expect(plan.map((row) => row.detail)).toContain('SEARCH r USING INDEX outbox_ready (next_attempt_at>? AND next_attempt_at<?)');
      // The merge of both parts still sorts in temporary B-trees: those are kept in memory, not
      // each set up as a file-backed pager (~0.3 ms a claim).
      expect(plan.map((row) => row.detail)).toContain('USE TEMP B-TREE FOR ORDER BY');
      const { rows: tempStore } = await store.db.executeQuery<{ temp_store: number }>(CompiledQuery.raw('pragma temp_store', []));
      expect(tempStore).toEqual([{ temp_store: 2 }]);
    } else {
      // PostgreSQL: the rows each scan of the outbox's queue read, as the executor counted them.
      const text = CLAIM.postgres.replace(/\$(\d+)/gu, (_, n: string) => String(params[Number(n) - 1]));
      const rowsRead = await store.db.transaction().execute(async (tx) => {
        const { rows } = await tx.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (analyze, format json) ${text}`, []));
        await sql`rollback`.execute(tx).catch(() => undefined);
        let read = 0;
        const walk = (node: Record<string, unknown>) => {
          // The scans of the queue itself (`o`, `r`), by whichever index or none; not the per-row check of earlier messages (`p`).
          if (node['Relation Name'] === 'outbox' && (node.Alias === 'o' || node.Alias === 'r')) {
            read += Number(node['Actual Rows'] ?? 0) * Number(node['Actual Loops'] ?? 1) + Number(node['Rows Removed by Filter'] ?? 0);
          }
          for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
        };
        walk(((rows[0]!['QUERY PLAN'] as unknown[])[0] as { Plan: Record<string, unknown> }).Plan);
        return read;
      });
      // The 40 in flight are passed over, then 10 taken: far from the 3,500 waiting.
      expect(rowsRead).toBeGreaterThanOrEqual(50);
      expect(rowsRead).toBeLessThan(200);
    }
    // And the claim takes the first ten free messages.
    const taken = await claim(store, now, 10);
    expect(taken).toEqual(Array.from({ length: 10 }, (_, i) => first!.id + 40 + i));
  });
});

describe('claims on PostgreSQL', () => {
  let store: Store | undefined;
  let schema = '';
  afterEach(async () => {
    await store?.close();
    await dropPgSchema(PG_URL, schema);
  });

  it('and the poll for due timers are never prepared on a connection, while the statements of every event are', async () => {
    schema = `t_${randomBytes(6).toString('hex')}`;
    // One connection: every statement below runs on it, and its prepared statements can be listed.
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 1 });
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger });
    const channel: ChannelAdapter = {
      name: 'console',
      capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
      async send() {},
    };
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger });
    const timers = createTimerWorker({ store, engine, logger: silentLogger });
    // More than five runs of each: PostgreSQL moves a prepared statement to a cached generic plan after five.
    for (let i = 0; i < 8; i++) {
      const event: InboundEvent = { type: 'inbound', channel: 'console', userId: `u${i}`, dedupeKey: `claims:${i}`, kind: 'text', text: 'hi', localeHint: 'en', at: 1_000 };
      await inbox.receive([event], { wait: true });
      await worker.drain();
      await timers.runOnce();
    }
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(store.db);
    const prepared = rows.map((r) => r.statement);
    // The event's own statements are prepared (the check would pass on an empty list otherwise).
    expect(prepared.some((text) => text.startsWith('insert into "inbox"'))).toBe(true);
    expect(prepared.some((text) => text.startsWith('update "outbox" set "status" = \'sent\''))).toBe(true);
    // The two claims and the poll for due timers are not: each is planned for its table as it is at that moment.
    expect(prepared.filter((text) => text.includes('"lease_until" = $1') && text.includes('limit $'))).toEqual([]);
    expect(prepared.filter((text) => text.includes('"timers"."due_at" <='))).toEqual([]);
    expect(await timers.runOnce()).toBe(0);
    await inbox.stop();
  });
});
