// A frightened teen's crisis message through the real engine and store: the pause, "okay" in three languages, a person, the country, and what staff see.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { InboundEvent } from '../../src/core/events';
import type { Store } from '../../src/store/database';
import { readQueue } from '../../src/staff/queue';
import { readConversation } from '../../src/staff/conversation';
import { toInboundEvent } from '../../src/channels/messenger/activity-to-event';
import { DIALECTS, freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let sequence = 0;
function say(userId: string, body: { text?: string; choiceId?: string }, localeHint = 'en', extra: Partial<InboundEvent> = {}): InboundEvent {
  return {
    type: 'inbound',
    channel: 'console',
    userId,
    dedupeKey: `crisis:${userId}:${sequence++}`,
    kind: body.choiceId ? 'choice' : 'text',
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.choiceId ? { choiceId: body.choiceId } : {}),
    localeHint,
    at: 1_000 + sequence,
    ...extra,
  };
}

describe.each(DIALECTS)('crisis on %s', (dialect) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setUp() {
    ({ store, cleanup } = await freshStore(dialect));
    engine = createEngine({ store, translator });
  }

  async function texts(userId: string): Promise<string[]> {
    const rows = await store.db.selectFrom('outbox').select('message').where('user_id', '=', userId).orderBy('id').execute();
    return rows.map((r) => (JSON.parse(r.message) as { text: string }).text);
  }

  /** A teen who answered two questions, then wrote something frightening; returns the replies to that message. */
  async function pausedAt(userId: string, locale: string, words: string) {
    await engine.handle(say(userId, { text: 'hi' }, locale));
    await engine.handle(say(userId, { choiceId: 'role:self' }, locale));
    await engine.handle(say(userId, { choiceId: 'minor:yes' }, locale));
    const before = (await texts(userId)).length;
    await engine.handle(say(userId, { text: words }, locale));
    return (await texts(userId)).slice(before);
  }

  it.each([
    ['en', 'i want to kill myself', 'ok', 'How old are you now?'],
    ['en', 'i want to kill myself', "i'm ok now", 'How old are you now?'],
    ['th', 'อยากตาย', 'โอเคค่ะ', 'ตอนนี้คุณอายุเท่าไหร่คะ'],
    ['th', 'อยากตาย', 'ไม่เป็นไรแล้ว', 'ตอนนี้คุณอายุเท่าไหร่คะ'],
    ['es', 'quiero morir', 'vale', '¿Cuántos años tienes ahora?'],
  ])('%s: after "%s", "%s" carries on at the same question', async (locale, words, okay, question) => {
    await setUp();
    const user = `okay-${locale}-${sequence}`;
    const replies = await pausedAt(user, locale, words);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe(translator.t(locale, 'crisis.ask'));
    const before = (await texts(user)).length;
    await engine.handle(say(user, { text: okay }, locale));
    const after = (await texts(user)).slice(before);
    expect(after.join('\n')).not.toContain(translator.t(locale, 'common.not_understood'));
    // Carry on, then the country question (asked once), then the same step asked again.
    expect(after[0]).toBe(translator.t(locale, 'crisis.continue'));
    expect(after[1]).toBe(translator.t(locale, 'country.ask'));
    await engine.handle(say(user, { choiceId: 'country:skip' }, locale));
    expect((await texts(user)).at(-1)).toBe(question);
  });

  it('"talk to a person now" puts the conversation in the staff queue as urgent and human, with the reason and the marked line', async () => {
    await setUp();
    await pausedAt('person', 'en', 'someone is outside my house');
    await engine.handle(say('person', { choiceId: 'crisis:person' }));
    const [row] = await readQueue(store.db);
    expect(row!.flags).toEqual(['urgent', 'human']);
    expect(row!.urgentReason).toBe('immediate_danger');
    const detail = await readConversation(store.db, row!.id);
    const marked = detail!.transcript.filter((l) => l.marker);
    expect(marked).toEqual([expect.objectContaining({ direction: 'in', text: 'someone is outside my house', marker: 'immediate_danger' })]);
  });

  it('a teen in Thailand writing English gets 1387 and 191 at once when Messenger says th_TH', async () => {
    await setUp();
    const event = toInboundEvent({ type: 'message', id: 'mid-1', from: { id: 'psid-1', name: '' }, locale: 'th_TH', text: 'hi', timestamp: new Date(1_000) } as never)!;
    expect(event.countryHint).toBe('TH');
    await engine.handle({ ...event, localeHint: 'en' });
    await engine.handle({ ...event, dedupeKey: 'messenger:mid-2', localeHint: 'en', text: 'i want to die' });
    const all = await texts('psid-1');
    const crisis = all.find((t) => t.startsWith("I'm really glad you told me"))!;
    expect(crisis).toContain('1387');
    expect(crisis).toContain('191');
    expect(crisis).toContain('findahelpline.com');
    expect(all.join('\n')).not.toContain(translator.t('en', 'country.ask'));
  });

  it('a teen in Thailand writing English gets 1387 after saying so at the country question', async () => {
    await setUp();
    const replies = await pausedAt('asked', 'en', 'i want to die');
    expect(replies[0]).not.toContain('1387');
    expect(replies[0]).toContain('findahelpline.com');
    await engine.handle(say('asked', { choiceId: 'crisis:continue' }));
    await engine.handle(say('asked', { text: 'Thailand' }));
    const all = await texts('asked');
    expect(all.at(-2)).toContain('1387');
    expect(all.at(-2)).toContain('1300');
  });

  it('"prefer not to say" still leaves international contacts in the chat', async () => {
    await setUp();
    const replies = await pausedAt('skip', 'es', 'quiero morir');
    expect(replies[0]).toContain('findahelpline.com');
    await engine.handle(say('skip', { choiceId: 'crisis:continue' }, 'es'));
    await engine.handle(say('skip', { text: 'prefiero no decirlo' }, 'es'));
    expect((await texts('skip')).at(-2)).toBe(translator.t('es', 'country.thanks'));
  });
});

describe('what staff see through the staff API', () => {
  it('shows the reason next to urgent in the queue, and the marked line in the conversation', async () => {
    const { startHarness } = await import('../staff/harness');
    const h = await startHarness('sqlite');
    try {
      const id = await h.conversation('api-teen', 'i want to kill myself');
      const agent = await h.signIn('agent');
      const queue = (await (await agent.call('GET', '/api/staff/queue')).json()) as { rows: { id: string; flags: string[]; urgentReason: string | null }[] };
      expect(queue.rows.find((r) => r.id === id)).toMatchObject({ flags: ['urgent'], urgentReason: 'self_harm' });
      const detail = (await (await agent.call('GET', `/api/staff/conversations/${id}`)).json()) as { transcript: { direction: string; text: string; marker: string | null }[] };
      expect(detail.transcript.filter((l) => l.marker)).toEqual([expect.objectContaining({ direction: 'in', text: 'i want to kill myself', marker: 'self_harm' })]);
    } finally {
      await h.close();
    }
  });
});
