// Where the person lives, as staff see it: the country the conversation learnt is kept with it and shown in the queue and the conversation.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { InboundEvent } from '../../src/core/events';
import type { Store } from '../../src/store/database';
import { readQueue } from '../../src/staff/queue';
import { readConversation } from '../../src/staff/conversation';
import { DIALECTS, freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let sequence = 0;
function say(userId: string, body: { text?: string; choiceId?: string }, localeHint: string, extra: Partial<InboundEvent> = {}): InboundEvent {
  return {
    type: 'inbound',
    channel: 'console',
    userId,
    dedupeKey: `country-staff:${userId}:${sequence++}`,
    kind: body.choiceId ? 'choice' : 'text',
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.choiceId ? { choiceId: body.choiceId } : {}),
    localeHint,
    at: 1_000 + sequence,
    ...extra,
  };
}

describe.each(DIALECTS)('the country staff see, on %s', (dialect) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setUp() {
    ({ store, cleanup } = await freshStore(dialect));
    engine = createEngine({ store, translator });
  }

  it('is the one the teen typed at the country question, with their language', async () => {
    await setUp();
    const user = 'typed-mexico';
    await engine.handle(say(user, { text: 'hi' }, 'es'));
    await engine.handle(say(user, { choiceId: 'role:self' }, 'es'));
    await engine.handle(say(user, { text: 'I want to die' }, 'es'));
    await engine.handle(say(user, { choiceId: 'crisis:continue' }, 'es'));
    let [row] = await readQueue(store.db);
    expect(row!.country).toBeNull();
    await engine.handle(say(user, { text: 'méxico' }, 'es'));
    [row] = await readQueue(store.db);
    expect(row).toMatchObject({ locale: 'es', country: 'MX' });
    const detail = await readConversation(store.db, row!.id);
    expect(detail!.conversation.country).toBe('MX');
  });

  it('is the channel\'s own country signal when there is one, and "ZZ" for "prefer not to say"', async () => {
    await setUp();
    await engine.handle(say('signal', { text: 'hi' }, 'th_TH', { countryHint: 'TH' }));
    await engine.handle(say('skipper', { text: 'hi' }, 'en'));
    await engine.handle(say('skipper', { choiceId: 'role:self' }, 'en'));
    await engine.handle(say('skipper', { text: 'I want to die' }, 'en'));
    await engine.handle(say('skipper', { choiceId: 'crisis:continue' }, 'en'));
    await engine.handle(say('skipper', { choiceId: 'country:skip' }, 'en'));
    const rows = await readQueue(store.db);
    const byUser = Object.fromEntries(await Promise.all(rows.map(async (r) => [(await store.db.selectFrom('conversations').select('user_id').where('id', '=', r.id).executeTakeFirstOrThrow()).user_id, r.country])));
    expect(byUser).toEqual({ signal: 'TH', skipper: 'ZZ' });
  });
});
