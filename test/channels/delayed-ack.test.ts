// A platform that took the message carrying the hashing link but answered late or with an error: the link the person holds still works.

import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../src/engine/outbox';
import { silentLogger } from '../../src/core/logger';
import type { ChannelName, InboundEvent } from '../../src/core/events';
import { DIALECTS, eventually, startServer, type DialectName, type FakeApi, type FakeReply, type RecordedRequest, type TestServer } from '../helpers';
import { methodOf, startFakeTelegram, telegramEnv, telegramReply } from './telegram/fake';
import { graphReply, messengerEnv, SEND_PATH, startFakeGraph } from './messenger/fake';
import { lineUserId, startFakeLine } from './line/fake';

const PATH = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];
const TOKEN = /#t=([A-Za-z0-9_-]{43})/;
const image = { type: 'image', md5: 'd41d8cd98f00b204e9800998ecf8427e', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', pdq: 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22', quality: 100 };

/** How the platform misbehaves on the first request carrying a link: it keeps the message, then errs or answers too late. */
type Mode = 'error' | 'late';

/** One platform fake, seen the same way for every channel. */
interface Platform {
  channel: ChannelName;
  env: Record<string, string>;
  api: FakeApi;
  /** The platform's ordinary answer. */
  normal(request: RecordedRequest): FakeReply;
  /** A request that sends a message to `userId`. */
  isSendTo(request: RecordedRequest, userId: string): boolean;
  /** The answer to a request that repeats one the platform already accepted (LINE's retry key), if the platform says so. */
  repeated?(request: RecordedRequest, accepted: RecordedRequest[]): FakeReply | undefined;
  newUser(): string;
  close(): Promise<void>;
}

let telegramIds = 7_300_000 + Math.floor(Math.random() * 90_000);
let psids = 7_300_000_000_000 + Math.floor(Math.random() * 90_000_000);

async function platformFor(channel: ChannelName): Promise<Platform> {
  if (channel === 'telegram') {
    const api = await startFakeTelegram();
    return {
      channel,
      api,
      env: telegramEnv(api),
      normal: telegramReply,
      isSendTo: (r, userId) => methodOf(r) === 'sendMessage' && String((r.json as { chat_id?: unknown }).chat_id) === userId,
      newUser: () => String(++telegramIds),
      close: () => api.close(),
    };
  }
  if (channel === 'messenger') {
    const api = await startFakeGraph();
    return {
      channel,
      api,
      env: messengerEnv(api),
      normal: graphReply,
      isSendTo: (r, userId) => r.method === 'POST' && r.path === SEND_PATH && (r.json as { recipient?: { id?: string } }).recipient?.id === userId,
      newUser: () => String(++psids),
      close: () => api.close(),
    };
  }
  const line = await startFakeLine();
  return {
    channel,
    api: line.api,
    env: line.env,
    normal: line.route,
    isSendTo: (r, userId) => r.path === '/v2/bot/message/push' && (r.json as { to?: string }).to === userId,
    // LINE remembers an accepted X-Line-Retry-Key and refuses the same key again with 409.
    repeated: (r, accepted) => {
      const key = r.headers['x-line-retry-key'];
      return key && accepted.some((a) => a.headers['x-line-retry-key'] === key)
        ? { status: 409, json: { message: 'The retry key is already accepted' }, headers: { 'x-line-accepted-request-id': 'b2d8f6a0-0000-4000-a000-000000000001' } }
        : undefined;
    },
    newUser: () => lineUserId(),
    close: () => line.close(),
  };
}

const cases: [ChannelName, DialectName, string, Mode][] = [];
for (const channel of ['telegram', 'line', 'messenger'] as ChannelName[]) for (const dialect of DIALECTS) for (const mode of ['error', 'late'] as Mode[]) cases.push([channel, dialect, mode === 'error' ? 'with a 5xx' : 'too late', mode]);

describe.each(cases)('the hashing link on %s (%s) when the platform takes the message but answers %s', (channel, dialect, _label, mode) => {
  let platform: Platform;
  let server: TestServer;
  let worker: OutboxWorker;
  afterEach(async () => {
    await worker?.stop();
    await server?.close();
    await platform?.close();
  });

  /** Requests the platform kept, so the person received what they carried; per person, in order. */
  const accepted: RecordedRequest[] = [];
  let refusedAsRepeats = 0;

  async function start() {
    platform = await platformFor(channel);
    server = await startServer(platform.env, { dialect });
    // A worker of our own with a short send timeout, so "too late" comes quickly.
    await server.reclaim.outbox.stop();
    worker = createOutboxWorker({ store: server.reclaim.store, channels: server.reclaim.channels.all, publicBaseUrl: server.reclaim.config.publicBaseUrl, logger: silentLogger, sendTimeoutMs: 800, random: () => 0 });
    worker.start(50);
    const troubled = new Set<string>();
    platform.api.reply = async (request) => {
      const repeat = platform.repeated?.(request, accepted);
      if (repeat) {
        refusedAsRepeats++;
        return repeat;
      }
      accepted.push(request);
      const answer = platform.normal(request);
      // The first message carrying a link to each person: kept (the person has it), but the answer goes wrong.
      if (TOKEN.test(request.body) && !troubled.has(recipient(request))) {
        troubled.add(recipient(request));
        if (mode === 'error') return { status: 500, json: errorBody(channel) };
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      return answer;
    };
  }

  /** Walks a new person to the link and waits until the message carrying it is recorded as sent. */
  async function personWithLinks(): Promise<string[]> {
    const userId = platform.newUser();
    const at = Date.now();
    const event = (i: number, extra: Pick<InboundEvent, 'kind' | 'text' | 'choiceId'>): InboundEvent => ({ type: 'inbound', channel, userId, dedupeKey: `${userId}:${i}`, localeHint: 'en', at, ...extra });
    await server.reclaim.engine.handle(event(0, { kind: 'text', text: 'hi' }));
    for (const [i, choiceId] of PATH.entries()) await server.reclaim.engine.handle(event(i + 1, { kind: 'choice', choiceId }));
    const conversation = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    await eventually(async () => {
      const rows = await server.reclaim.store.db.selectFrom('outbox').select(['status', 'attempts', 'message']).where('conversation_id', '=', conversation.id).execute();
      return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows.some((r) => r.message.includes('"handoff"') && r.attempts >= 2);
    }, 15_000, 'the link delivered on a later attempt');
    // What the person holds: links in requests the platform kept (a 409 repeat delivered nothing new).
    return accepted.filter((r) => platform.isSendTo(r, userId) && TOKEN.test(r.body)).map((r) => r.body.match(TOKEN)![1]!);
  }

  const submit = async (token: string) =>
    (await fetch(`${server.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files: [image] }) })).status;

  it('the last link received works, and once one link is used the others answer 410', async () => {
    await start();
    const links = await personWithLinks();
    if (channel === 'line') {
      // The retry repeated the accepted retry key and LINE answered 409: delivered, so the person holds one link.
      expect(links).toHaveLength(1);
      expect(refusedAsRepeats).toBeGreaterThanOrEqual(1);
    } else {
      expect(links.length).toBeGreaterThanOrEqual(2);
    }
    expect(await submit(links.at(-1)!)).toBe(201);
    for (const other of links.slice(0, -1)) expect(await submit(other)).toBe(410);
    expect(await submit(links.at(-1)!)).toBe(410);

    if (channel === 'line') return;
    // Another person uses the first link they got: it works too, and the later one is spent with it.
    const second = await personWithLinks();
    expect(second.length).toBeGreaterThanOrEqual(2);
    expect(await submit(second[0]!)).toBe(201);
    for (const other of second.slice(1)) expect(await submit(other)).toBe(410);
  });
});

function recipient(r: RecordedRequest): string {
  const body = (r.json ?? {}) as { chat_id?: unknown; to?: unknown; recipient?: { id?: unknown } };
  return String(body.chat_id ?? body.to ?? body.recipient?.id);
}

function errorBody(channel: ChannelName): unknown {
  if (channel === 'telegram') return { ok: false, error_code: 500, description: 'Internal Server Error' };
  if (channel === 'messenger') return { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true, fbtrace_id: 'A4' } };
  return { message: 'Internal server error' };
}
