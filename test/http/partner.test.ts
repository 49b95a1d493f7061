// Cases and status updates end to end: the partner feed, tombstones, feedback told in the chat, erasure, retention.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addPartner } from '../../src/engine/partners';
import { issueHandoffToken } from '../../src/engine/tokens';
import { DIALECTS, eventually, startServer, type FakeApi, type TestServer } from '../helpers';
import { callbackUpdate, calls, postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 7 + seed * 13) % 16).toString(16)).join('');
const image = (seed: number) => ({ type: 'image', md5: hex(32, seed), sha256: hex(64, seed + 1), pdq: hex(64, seed + 2), quality: 90 });

type Page = { count: number; hashRecords: { id: string; signalType: string; hashValue: string; hashStatus: string }[]; nextCursor: string; hasMoreRecords: boolean };

describe.each(DIALECTS)('cases and the partner API on %s', (dialect) => {
  let server: TestServer;
  let fake: FakeApi;
  let clock = Date.now();
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    server = await startServer(telegramEnv(fake), { dialect, now: () => clock });
    keyA = (await addPartner(server.reclaim.store.db, 'Platform A')).key;
    keyB = (await addPartner(server.reclaim.store.db, 'Platform B')).key;
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  const api = (path: string, key: string | null, init: RequestInit = {}) =>
    server.reclaim.app.request(`/api/partner/v1${path}`, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const page = async (key: string, after: string, limit: number) => (await (await api(`/hashes?after=${after}&limit=${limit}`, key)).json()) as Page;

  /** A console conversation with a case of `files`, through the real submission API. */
  async function submitCase(userId: string, files: unknown[]): Promise<string> {
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:${Math.random()}`, kind: 'text', text: 'hi', localeHint: 'en', at: clock });
    const { id } = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const token = await issueHandoffToken(server.reclaim.store.db, id, clock);
    const response = await server.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { caseNumber: string }).caseNumber;
  }

  it('refuses a missing or wrong key', async () => {
    expect((await api('/hashes', null)).status).toBe(401);
    expect((await api('/hashes', 'rcl_wrong')).status).toBe(401);
    expect((await api('/hashes', 'Bearer-ish')).headers.get('www-authenticate')).toContain('Bearer');
  });

  it('pages through the list while new cases arrive, seeing each hash exactly once', async () => {
    const seen: string[] = [];
    let cursor = '0';
    for (let round = 0; round < 4; round++) {
      await submitCase(`paging-${round}`, [image(round * 3), image(round * 3 + 1)]);
      const p = await page(keyA, cursor, 4);
      for (const r of p.hashRecords) seen.push(`${r.signalType}:${r.hashValue}`);
      cursor = p.nextCursor;
    }
    for (;;) {
      const p = await page(keyA, cursor, 4);
      if (p.count === 0) break;
      for (const r of p.hashRecords) seen.push(`${r.signalType}:${r.hashValue}`);
      cursor = p.nextCursor;
    }
    const stored = await server.reclaim.store.db.selectFrom('case_hashes').select(['signal_type', 'value']).execute();
    expect(seen.length).toBe(stored.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(`ImagePDQ:${image(0).pdq}`);
    // Nothing personal rides along: only hash fields.
    const raw = JSON.stringify(await page(keyA, '0', 1000));
    expect(raw).not.toMatch(/paging-|case|conversation|console/i);
  });

  it('sends a withdrawal to partners as a tombstone after the hashes they already hold', async () => {
    const before = (await page(keyA, '0', 1000)).nextCursor;
    const caseNumber = await submitCase('withdrawer', [image(40)]);
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'withdrawer', dedupeKey: 'w1', kind: 'text', text: 'withdraw', at: clock });
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'withdrawer', dedupeKey: 'w2', kind: 'choice', choiceId: 'withdraw:confirm', at: clock });
    const p = await page(keyA, before, 1000);
    const pdq = p.hashRecords.filter((r) => r.hashValue === image(40).pdq).map((r) => r.hashStatus);
    expect(pdq).toEqual(['Active', 'Withdrawn']);
    const status = await server.reclaim.store.db.selectFrom('cases').select('status').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
    expect(status.status).toBe('withdrawn');
  });

  it('refuses another partner’s hash id and malformed feedback with clear errors', async () => {
    const [record] = (await page(keyB, '0', 1)).hashRecords;
    const other = await api('/feedback', keyA, { method: 'POST', body: JSON.stringify({ hashId: record!.id, status: 'removed' }) });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: string }).error).toMatch(/hashId/);
    const bad = [
      [{ hashId: record!.id, status: 'deleted-it' }, 'status'],
      [{ status: 'removed' }, 'hashId'],
      [{ hashId: record!.id, status: 'removed', note: 'x'.repeat(600) }, 'note'],
      [{ hashId: record!.id, status: 'removed', email: 'a@b.c' }, 'email'],
    ] as const;
    for (const [body, field] of bad) {
      const response = await api('/feedback', keyB, { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { field: string }).field).toBe(field);
    }
    expect((await api('/feedback', keyB, { method: 'POST', body: '{not json' })).status).toBe(400);
  });

  it('gives two partners ids for the same hash that share no part, and refuses each other’s ids', async () => {
    await submitCase('opaque-ids', [image(60)]);
    const a = (await page(keyA, '0', 1000)).hashRecords;
    const b = (await page(keyB, '0', 1000)).hashRecords;
    expect(a.map((r) => r.hashValue)).toEqual(b.map((r) => r.hashValue));
    const parts = (id: string) => id.split(/[^A-Za-z0-9]+/).filter(Boolean);
    for (const [i, record] of a.entries()) {
      const theirs = b[i]!.id;
      expect(record.id).not.toBe(theirs);
      // No shared piece: no common segment, and no run of four characters in common.
      expect(parts(record.id).filter((p) => parts(theirs).includes(p))).toEqual([]);
      expect(Array.from({ length: record.id.length - 3 }, (_, k) => record.id.slice(k, k + 4)).filter((run) => theirs.includes(run))).toEqual([]);
    }
    // Neighbouring hashes do not show their order either.
    expect(parts(a[0]!.id).filter((p) => parts(a[1]!.id).includes(p))).toEqual([]);
    const last = a.length - 1;
    const refusedForB = await api('/feedback', keyB, { method: 'POST', body: JSON.stringify({ hashId: a[last]!.id, status: 'removed' }) });
    expect(refusedForB.status).toBe(404);
    const refusedForA = await api('/feedback', keyA, { method: 'POST', body: JSON.stringify({ hashId: b[last]!.id, status: 'removed' }) });
    expect(refusedForA.status).toBe(404);
    const own = await api('/feedback', keyB, { method: 'POST', body: JSON.stringify({ hashId: b[last]!.id, status: 'pending_review' }) });
    expect(own.status).toBe(202);
  });

  it('tells a Thai teen on Telegram, once and in Thai, that a platform found and removed a copy', async () => {
    const person: Person = { id: 5550001, language_code: 'th' };
    await postUpdate(server.url, textUpdate(person, 'สวัสดี'));
    for (const id of ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes']) await postUpdate(server.url, callbackUpdate(person, id));
    const linkMessage = await fake.waitFor((r) => JSON.stringify(r.json ?? '').includes('/hash#t='));
    const token = /#t=([A-Za-z0-9_-]+)/.exec(JSON.stringify(linkMessage.json))![1]!;
    const submitted = await server.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files: [image(77), { ...image(78), pdq: undefined, quality: undefined }] }) });
    const { caseNumber } = (await submitted.json()) as { caseNumber: string };
    // The thanks and the follow-up question are delivered first.
    await eventually(async () => (await server.reclaim.store.db.selectFrom('outbox').select('status').where('user_id', '=', String(person.id)).execute()).every((r) => r.status === 'sent'));
    await eventually(() => calls(fake, 'sendMessage').some((m) => m.chat_id === person.id && String(m.text).includes(caseNumber)));

    // Platform A matches two of the hashes, then removes; all within a minute: one message.
    const records = (await page(keyA, '0', 1000)).hashRecords.filter(
      (r) => (r.signalType === 'ImagePDQ' && r.hashValue === image(77).pdq) || (r.signalType === 'ImageMD5' && r.hashValue === image(77).md5),
    );
    expect(records).toHaveLength(2);
    for (const r of records) expect((await api('/feedback', keyA, { method: 'POST', body: JSON.stringify({ hashId: r.id, status: 'PendingReview' }) })).status).toBe(202);
    expect((await api('/feedback', keyA, { method: 'POST', body: JSON.stringify({ hashId: records[0]!.id, status: 'removed', note: 'taken down' }) })).status).toBe(202);
    const sentBefore = calls(fake, 'sendMessage').filter((m) => m.chat_id === person.id).length;
    clock += 61_000;
    server.reclaim.timers.wake();
    const news = await eventually(() => calls(fake, 'sendMessage').find((m) => m.chat_id === person.id && String(m.text).includes('Platform A') && String(m.text).includes(caseNumber)), 10_000, 'the news in the chat');
    expect(news.text).toContain('มีความคืบหน้า');
    expect(news.text).toContain('ลบออกแล้ว');
    expect(news.text.match(/เคส/g)!.length).toBeGreaterThanOrEqual(2);
    // Settled: no digest waiting any more and everything queued for the person delivered; then count.
    const db = server.reclaim.store.db;
    const { id: conversationId } = await db.selectFrom('conversations').select('id').where('user_id', '=', String(person.id)).executeTakeFirstOrThrow();
    await eventually(async () => {
      const digest = await db.selectFrom('timers').select('name').where('conversation_id', '=', conversationId).where('name', '=', 'digest').executeTakeFirst();
      const rows = await db.selectFrom('outbox').select('status').where('conversation_id', '=', conversationId).execute();
      return !digest && rows.every((r) => r.status === 'sent');
    }, 10_000, 'the digest told and every message delivered');
    const newsMessages = calls(fake, 'sendMessage').filter((m) => m.chat_id === person.id).slice(sentBefore);
    expect(newsMessages).toHaveLength(1);

    // "status" lists it in plain words.
    await postUpdate(server.url, textUpdate(person, 'status'));
    const listing = await eventually(() => calls(fake, 'sendMessage').find((m) => m.chat_id === person.id && String(m.text).includes(caseNumber) && String(m.text).includes('Platform A') && m !== news));
    expect(listing.text).toContain(caseNumber);
  });

  it('erases a person on delete, leaving no text of theirs in any table', async () => {
    const person: Person = { id: 8880042, language_code: 'en' };
    const secretWords = 'my ex Somchai posted it on the school group';
    await postUpdate(server.url, textUpdate(person, 'hello there'));
    await postUpdate(server.url, textUpdate(person, secretWords));
    await postUpdate(server.url, callbackUpdate(person, 'role:self'));
    await postUpdate(server.url, textUpdate(person, 'delete'));
    await postUpdate(server.url, callbackUpdate(person, 'delete:confirm'));
    await eventually(() => calls(fake, 'sendMessage').some((m) => m.chat_id === person.id && String(m.text).includes('erased')), 10_000, 'the farewell');
    await eventually(async () => (await server.reclaim.store.db.selectFrom('outbox').select('id').where('user_id', '=', String(person.id)).execute()).length === 0, 10_000, 'the farewell to be forgotten');
    const needles = [String(person.id), secretWords, 'hello there', 'Somchai'];
    const tables = await listTables(server);
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(server.reclaim.store.db);
      const dump = JSON.stringify(rows.rows);
      for (const needle of needles) expect(dump.includes(needle), `${needle} in ${table}`).toBe(false);
    }
  });

  it('purges transcripts older than the retention period, and only those', async () => {
    const db = server.reclaim.store.db;
    const { id } = await db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    const day = 24 * 60 * 60_000;
    await db.insertInto('transcript').values([
      { conversation_id: id, direction: 'in', text: 'old words', at: clock - 31 * day },
      { conversation_id: id, direction: 'in', text: 'recent words', at: clock - 29 * day },
    ]).execute();
    const report = await server.reclaim.retention.purge();
    expect(report.transcript).toBe(1);
    const texts = (await db.selectFrom('transcript').select('text').execute()).map((r) => r.text);
    expect(texts).toContain('recent words');
    expect(texts).not.toContain('old words');
  });
});

async function listTables(server: TestServer): Promise<string[]> {
  const db = server.reclaim.store.db;
  if (server.reclaim.store.dialect === 'postgres') {
    const result = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
    return result.rows.map((r) => r.name);
  }
  const result = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return result.rows.map((r) => r.name);
}

describe.each(DIALECTS)('the case history on %s', (dialect) => {
  it('is append-only: the database refuses to change or remove a row', async () => {
    const { freshStore } = await import('../helpers');
    const { store, cleanup } = await freshStore(dialect);
    try {
      await store.db.insertInto('case_events').values({ case_id: 'c', hash_id: null, partner_id: null, source: 'system', status: 'active', note: null, at: 1 }).execute();
      await expect(store.db.updateTable('case_events').set({ status: 'removed' }).execute()).rejects.toThrow(/append-only/);
      await expect(store.db.deleteFrom('case_events').execute()).rejects.toThrow(/append-only/);
      await store.db.insertInto('hash_feed').values({ hash_id: 1, op: 'add', at: 1 }).execute();
      await expect(store.db.deleteFrom('hash_feed').execute()).rejects.toThrow(/append-only/);
    } finally {
      await cleanup();
    }
  });
});
