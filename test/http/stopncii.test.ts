// The StopNCII-compatible exchange, driven by a client that sends what HMA's StopNCII client sends.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, revokePartner } from '../../src/engine/partners';
import { issueHandoffToken } from '../../src/engine/tokens';
import { hmaCredentials } from '../../src/http/stopncii';
import { DIALECTS, eventually, startServer, type TestServer } from '../helpers';
import { fetchIter, HttpError, parseCredentials, StopNCIIAPI, type Checkpoint, type StopNCIIRecord } from './fixtures/hma-stopncii-client';

/** Distinct hex for every seed and length, so no two test files share a hash by accident. */
const hex = (n: number, seed: number) => createHash('sha256').update(`${n}:${seed}`).digest('hex').slice(0, n);
const image = (seed: number) => ({ type: 'image', md5: hex(32, seed), sha256: hex(64, seed + 1), pdq: hex(64, seed + 2), quality: 90 });
const video = (seed: number) => ({ type: 'video', md5: hex(32, seed + 3), sha256: hex(64, seed + 4), vpdq: [{ pdq: hex(64, seed + 5), quality: 80 }] });
const key = (r: Pick<StopNCIIRecord, 'signalType' | 'hashValue'>) => `${r.signalType}:${r.hashValue}`;

describe.each(DIALECTS)('the StopNCII-compatible exchange on %s', (dialect) => {
  let server: TestServer;
  let clock = Date.UTC(2025, 0, 6, 9, 0, 0);
  let hma: StopNCIIAPI;
  let other: StopNCIIAPI;
  let otherCredentials: { key: string; subscriptionKey: string };

  /** A client made from the credential line exactly as HMA's StopNCII exchange parses it; feedback needs its own key, given as the same one. */
  const clientFor = (line: string) => {
    const c = parseCredentials(line);
    return new StopNCIIAPI(c.subscriptionKey, c.fetchFunctionKey, { SubmitFeedback: c.fetchFunctionKey }, c.baseUrlOverride);
  };

  beforeAll(async () => {
    server = await startServer({}, { dialect, now: () => clock });
    const db = server.reclaim.store.db;
    const a = await addPartner(db, 'meta-ig', { displayName: 'Instagram' });
    const b = await addPartner(db, 'tiktok', { displayName: 'TikTok' });
    hma = clientFor(hmaCredentials(a.key, a.subscriptionKey, server.url));
    other = clientFor(hmaCredentials(b.key, b.subscriptionKey, server.url));
    otherCredentials = b;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A console conversation with a case of `files`, through the real submission API. */
  async function submitCase(userId: string, files: unknown[], locale = 'en'): Promise<string> {
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:${Math.random()}`, kind: 'text', text: 'hi', localeHint: locale, at: clock });
    const { id } = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const token = await issueHandoffToken(server.reclaim.store.db, id, clock);
    const response = await server.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { caseNumber: string }).caseNumber;
  }

  async function withdraw(userId: string) {
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:w:${Math.random()}`, kind: 'text', text: 'withdraw', at: clock });
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:c:${Math.random()}`, kind: 'choice', choiceId: 'withdraw:confirm', at: clock });
  }

  /** Everything HMA would hold after one fetch from `checkpoint`, the checkpoint it stores, and each window's keys in order. */
  async function fetchAll(client: StopNCIIAPI, checkpoint: Checkpoint | null, pageSize?: number) {
    const state = new Map<string, StopNCIIRecord>();
    const seen: string[] = [];
    const checkpoints: number[] = [];
    for await (const delta of fetchIter(client, checkpoint, pageSize)) {
      for (const record of delta.page.hashRecords) seen.push(key(record));
      for (const [k, record] of delta.updates) state.set(k, record);
      checkpoints.push(delta.checkpoint.update_time);
      checkpoint = delta.checkpoint;
    }
    return { state, seen, checkpoint: checkpoint!, checkpoints };
  }

  it('sends exactly what HMA sends and answers in the shape its client reads', async () => {
    await submitCase('shape', [image(1), video(1)]);
    const first = await hma.fetchHashes();
    expect(hma.skipped).toEqual([]);
    expect(hma.sent[0]!.path).toBe('/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800');
    expect(Object.keys(hma.sent[0]!.headers)).toEqual(['User-Agent', 'Accept-Encoding', 'Accept', 'Connection', 'x-functions-key', 'Ocp-Apim-Subscription-Key']);
    // Only the two types HMA knows; image MD5, SHA-256 and video frames stay on /api/partner/v1.
    expect(first.hashRecords.map(key).sort()).toEqual([`ImagePDQ:${image(1).pdq}`, `VideoMD5:${video(1).md5}`].sort());
    const record = first.hashRecords[0]!;
    expect(record.hashStatus).toBe('Active');
    expect(Object.values(record.caseNumbers)).toEqual(['Active']);
    expect(record.lastModtimestamp).toBe(Math.floor(clock / 1000));
    expect(first.nextSetTimestamp).toBe(Math.floor(clock / 1000));
    expect(first.hasMoreRecords).toBe(false);
    expect(first.nextPageToken).toBeNull();
    const legacy = await server.reclaim.app.request('/api/partner/v1/hashes?limit=1000', { headers: { authorization: `Bearer ${otherCredentials.key}` } });
    const legacyTypes = ((await legacy.json()) as { hashRecords: { signalType: string }[] }).hashRecords.map((r) => r.signalType);
    expect(new Set(legacyTypes)).toEqual(new Set(['ImagePDQ', 'ImageMD5', 'ImageSHA256', 'VideoMD5', 'VideoSHA256', 'VideoPDQFrame']));
  });

  it('pages while new cases arrive and cases are withdrawn: each hash once per window, nothing lost across checkpoints', async () => {
    const db = server.reclaim.store.db;
    const baseline = await fetchAll(other, null);
    clock += 5_000;
    for (let i = 0; i < 4; i++) await submitCase(`paging-${i}`, [image(10 + i * 2), image(11 + i * 2)]);
    const start = { update_time: baseline.checkpoint.update_time };
    const window: string[] = [];
    const checkpoints: number[] = [];
    let checkpoint = start;
    let pages = 0;
    for await (const delta of fetchIter(other, start, 3)) {
      for (const record of delta.page.hashRecords) window.push(key(record));
      checkpoints.push(delta.checkpoint.update_time);
      checkpoint = delta.checkpoint;
      pages += 1;
      clock += 1_000;
      // Mid-window: a new case, and a withdrawal of one already seen and of one not seen yet.
      if (pages === 1) {
        await submitCase('paging-late', [image(30)]);
        await withdraw('paging-0');
        await withdraw('paging-3');
      }
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(window).size).toBe(window.length);
    expect(window).not.toContain(`ImagePDQ:${image(30).pdq}`);
    // The checkpoint HMA stores after each page never moves backwards and never goes below where it started.
    for (const [i, value] of checkpoints.entries()) expect(value).toBeGreaterThanOrEqual(i === 0 ? start.update_time : checkpoints[i - 1]!);

    const next = await fetchAll(other, checkpoint, 3);
    expect(new Set(next.seen).size).toBe(next.seen.length);
    expect(next.state.get(`pdq:${image(30).pdq}`)?.hashStatus).toBe('Active');
    expect(next.state.get(`pdq:${image(10).pdq}`)?.hashStatus).toBe('Withdrawn');
    expect(next.state.get(`pdq:${image(16).pdq}`)?.hashStatus).toBe('Withdrawn');
    // Together the windows hold every exchanged hash, each at its latest state.
    const everything = new Map([...baseline.state, ...(await fetchAll(other, start)).state]);
    const exchanged = await db.selectFrom('exchange_records').select(['signal_type', 'hash_value']).execute();
    expect(new Set([...everything.values()].map(key))).toEqual(new Set(exchanged.map((r) => `${r.signal_type}:${r.hash_value}`)));
  });

  it('resumes after a crash from the checkpoint of the last page it stored, missing nothing', async () => {
    const before = await fetchAll(hma, null);
    clock += 3_000;
    for (let i = 0; i < 3; i++) await submitCase(`crash-${i}`, [image(40 + i), image(50 + i)]);
    const expected = [40, 41, 42, 50, 51, 52].map((s) => `ImagePDQ:${image(s).pdq}`);
    // One page of two, then the process dies; the next run starts from that page's checkpoint.
    const iterator = fetchIter(hma, before.checkpoint, 2);
    const firstPage = (await iterator.next()).value!;
    await iterator.return(undefined);
    const resumed = await fetchAll(hma, firstPage.checkpoint, 2);
    const got = new Set([...firstPage.page.hashRecords.map(key), ...resumed.seen]);
    for (const k of expected) expect(got).toContain(k);
  });

  it('shows a withdrawal as Withdrawn from the last checkpoint, and a hash another case still holds as Active', async () => {
    await submitCase('shared-a', [image(60)]);
    await submitCase('shared-b', [image(60), image(61)]);
    const { checkpoint } = await fetchAll(hma, null);
    clock += 2_000;
    await withdraw('shared-b');
    const page = await hma.fetchHashes({ startTimestamp: checkpoint.update_time });
    const byKey = new Map(page.hashRecords.map((r) => [key(r), r]));
    const alone = byKey.get(`ImagePDQ:${image(61).pdq}`)!;
    expect(alone.hashStatus).toBe('Withdrawn');
    expect(Object.values(alone.caseNumbers)).toEqual(['Withdrawn']);
    const shared = byKey.get(`ImagePDQ:${image(60).pdq}`)!;
    expect(shared.hashStatus).toBe('Active');
    expect(Object.values(shared.caseNumbers).sort()).toEqual(['Active', 'Withdrawn']);
  });

  it('gives each partner its own opaque case ids, never the case number', async () => {
    const caseNumber = await submitCase('opaque', [image(70), video(70)]);
    const mine = (await hma.fetchHashes({ startTimestamp: Math.floor(clock / 1000) })).hashRecords.filter((r) => [image(70).pdq, video(70).md5].includes(r.hashValue));
    const theirs = (await other.fetchHashes({ startTimestamp: Math.floor(clock / 1000) })).hashRecords.filter((r) => [image(70).pdq, video(70).md5].includes(r.hashValue));
    expect(mine).toHaveLength(2);
    const [a] = Object.keys(mine[0]!.caseNumbers);
    const [b] = Object.keys(theirs[0]!.caseNumbers);
    // One case, one id per partner: the same across its hashes, different between partners.
    expect(Object.keys(mine[1]!.caseNumbers)).toEqual([a]);
    expect(a).not.toBe(b);
    const raw = JSON.stringify([mine, theirs]);
    expect(raw).not.toContain(caseNumber);
    expect(raw).not.toContain(caseNumber.replace('-', ''));
    expect(raw).not.toMatch(/opaque|console/);
  });

  it('refuses wrong, swapped, missing and revoked keys', async () => {
    const c = parseCredentials(hmaCredentials('rcl_x', 'rcs_y', server.url));
    const attempts = [
      new StopNCIIAPI(c.subscriptionKey, c.fetchFunctionKey, {}, c.baseUrlOverride),
      new StopNCIIAPI(otherCredentials.subscriptionKey, otherCredentials.key.slice(0, -1) + (otherCredentials.key.endsWith('A') ? 'B' : 'A'), {}, c.baseUrlOverride),
      new StopNCIIAPI(otherCredentials.key, otherCredentials.subscriptionKey, {}, c.baseUrlOverride),
      new StopNCIIAPI('', otherCredentials.key, {}, c.baseUrlOverride),
    ];
    for (const client of attempts) {
      const error = await client.fetchHashes().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(401);
    }
    const gone = await addPartner(server.reclaim.store.db, 'leaving');
    const leaving = clientFor(hmaCredentials(gone.key, gone.subscriptionKey, server.url));
    expect((await leaving.fetchHashes()).count).toBeGreaterThan(0);
    await revokePartner(server.reclaim.store.db, 'leaving');
    expect(((await leaving.fetchHashes().catch((e: unknown) => e)) as HttpError).status).toBe(401);
    expect(((await leaving.submitFeedbacks([{ signalType: 'ImagePDQ', hashValue: image(1).pdq, feedbackValue: 'Blocked' }]).catch((e: unknown) => e)) as HttpError).status).toBe(401);
  });

  it('names the bad parameter of a request it refuses', async () => {
    const headers = hma.sent[0]!.headers;
    const get = async (query: string) => {
      const response = await fetch(`${server.url}/api/stopncii/v1/FetchHashes?${query}`, { headers });
      return { status: response.status, body: (await response.json()) as { error: string; field: string } };
    };
    expect((await get('pageSize=10')).body.field).toBe('startTimestamp');
    expect((await get('startTimestamp=abc')).body.field).toBe('startTimestamp');
    expect((await get('startTimestamp=10&pageSize=0')).body.field).toBe('pageSize');
    expect((await get('startTimestamp=10&pageSize=5000')).status).toBe(400);
    const tampered = await get('startTimestamp=10&pageSize=1&nextPageToken=1.0.a.1.AAAAAAAAAAAAAAAAAAAAAA');
    expect(tampered).toMatchObject({ status: 400, body: { field: 'nextPageToken' } });
    const page = await hma.fetchHashes({ pageSize: 1 });
    expect((await get(`startTimestamp=11&pageSize=1&nextPageToken=${page.nextPageToken}`)).body.field).toBe('nextPageToken');
    // Another partner's token is not theirs to use.
    const theirs = await fetch(`${server.url}/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=1&nextPageToken=${page.nextPageToken}`, { headers: other.sent[0]!.headers });
    expect(theirs.status).toBe(400);
    const post = async (body: string) => {
      const response = await fetch(`${server.url}/api/stopncii/v1/SubmitFeedback`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
      return { status: response.status, body: (await response.json()) as { field: string } };
    };
    expect((await post('{"count": 1, "hashFeedbacks": [{"tags": [], "feedbackValue": "Gone", "hashValue": "' + image(1).pdq + '"}]}')).body.field).toBe('hashFeedbacks[0].feedbackValue');
    expect((await post('{"count": 2, "hashFeedbacks": []}')).body.field).toBe('count');
    expect((await post('{"count": 1, "hashFeedbacks": [{"feedbackValue": "Blocked", "hashValue": "zz"}]}')).body.field).toBe('hashFeedbacks[0].hashValue');
    expect((await post('{not json')).status).toBe(400);
  });

  it('tells a Thai teen once, in Thai and by the platform’s name, what HMA reported; status says it per platform', async () => {
    const db = server.reclaim.store.db;
    const userId = 'feedback-th';
    const caseNumber = await submitCase(userId, [image(80), image(81), image(82)], 'th');
    const { id: conversationId } = await db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    // The thanks are queued first; news goes out after the digest delay.
    clock += 61_000;
    server.reclaim.timers.wake();
    await eventually(async () => !(await db.selectFrom('timers').select('name').where('conversation_id', '=', conversationId).where('name', '=', 'digest').executeTakeFirst()));
    const before = await db.selectFrom('outbox').select('id').where('conversation_id', '=', conversationId).execute();

    await hma.submitFeedbacks([{ signalType: 'ImagePDQ', hashValue: image(80).pdq, feedbackValue: 'PendingReview' }]);
    const sent = hma.sent.at(-1)!;
    expect(sent.path).toBe('/api/stopncii/v1/SubmitFeedback');
    expect(sent.body).toBe(`{"count": 1, "hashFeedbacks": [{"tags": [], "feedbackValue": "PendingReview", "hashValue": "${image(80).pdq}"}]}`);
    expect(sent.headers['Content-Type']).toBe('application/json');
    const answer = await hma.submitFeedbacks([
      { signalType: 'ImagePDQ', hashValue: image(80).pdq, feedbackValue: 'Blocked', tags: ['ncii'] },
      { signalType: 'ImagePDQ', hashValue: image(81).pdq, feedbackValue: 'Blocked' },
      { signalType: 'ImagePDQ', hashValue: image(80).pdq.toUpperCase(), feedbackValue: 'Blocked' },
      { signalType: 'ImagePDQ', hashValue: 'f'.repeat(64), feedbackValue: 'Blocked' },
      { signalType: 'ImagePDQ', hashValue: image(81).pdq, feedbackValue: 'QualityUnknown' },
    ]);
    expect(answer).toMatchObject({ count: 5, recorded: 2, unchanged: 2, unknown: 1 });
    expect(hma.sent.at(-1)!.body).toContain(`{"tags": ["ncii"], "feedbackValue": "Blocked", "hashValue": "${image(80).pdq}"}`);
    clock += 61_000;
    server.reclaim.timers.wake();
    const news = await eventually(async () => {
      const rows = await db.selectFrom('outbox').select(['id', 'message']).where('conversation_id', '=', conversationId).where('id', 'not in', before.map((r) => r.id)).execute();
      return rows.length > 0 ? rows : null;
    });
    expect(news).toHaveLength(1);
    const text = (JSON.parse(news[0]!.message) as { text: string }).text;
    expect(text).toContain('Instagram');
    expect(text).toContain(caseNumber);
    expect(text).toContain('ลบออกแล้ว');
    expect(text.match(/Instagram/g)).toHaveLength(1);
    expect(text).not.toContain('meta-ig');

    // The same report again, and on the case's other hash: nothing new to tell.
    const again = await hma.submitFeedbacks([
      { signalType: 'ImagePDQ', hashValue: image(81).pdq, feedbackValue: 'Blocked' },
      { signalType: 'ImagePDQ', hashValue: image(82).pdq, feedbackValue: 'Blocked' },
    ]);
    expect(again).toMatchObject({ recorded: 1, unchanged: 1 });
    clock += 61_000;
    server.reclaim.timers.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.selectFrom('outbox').select('id').where('conversation_id', '=', conversationId).execute()).toHaveLength(before.length + 1);

    // Other platforms see Instagram's feedback on the record.
    const seen = await other.fetchHashes({ startTimestamp: Math.floor((clock - 200_000) / 1000) });
    const record = seen.hashRecords.find((r) => r.hashValue === image(80).pdq)!;
    expect(record.CSPFeedbacks.map((f) => [f.source, f.feedbackValue])).toEqual([['Instagram', 'Blocked']]);

    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:status`, kind: 'text', text: 'status', at: clock });
    const status = await db.selectFrom('outbox').select('message').where('conversation_id', '=', conversationId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const listing = (JSON.parse(status.message) as { text: string }).text;
    expect(listing).toContain(caseNumber);
    expect(listing).toMatch(/Instagram[^\n]*ลบออกแล้ว/);
  });

  it('keeps each partner’s last fetch and feedback', async () => {
    const rows = await server.reclaim.store.db.selectFrom('partners').select(['name', 'last_fetch_at', 'last_feedback_at']).where('name', 'in', ['meta-ig', 'tiktok']).orderBy('name').execute();
    expect(rows[0]).toMatchObject({ name: 'meta-ig', last_fetch_at: expect.any(Number), last_feedback_at: expect.any(Number) });
    expect(rows[1]!.last_feedback_at).toBeNull();
  });
});
