// The engine against real SQLite and PostgreSQL: one transaction per event, dedupe, rollback, timers, restarts.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { createTimerWorker } from '../../src/engine/timers';
import { MAX_INTERRUPTIONS } from '../../src/engine/outbox';
import { silentLogger } from '../../src/core/logger';
import type { InboundEvent } from '../../src/core/events';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';
import { REMINDER_AFTER } from '../../flows/intake';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let sequence = 0;
function message(userId: string, body: { text?: string; choiceId?: string; kind?: InboundEvent['kind'] }, at = 1_000, localeHint = 'en'): InboundEvent {
  return {
    type: 'inbound',
    channel: 'console',
    userId,
    dedupeKey: `test:${userId}:${sequence++}`,
    kind: body.kind ?? (body.choiceId ? 'choice' : 'text'),
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.choiceId ? { choiceId: body.choiceId } : {}),
    localeHint,
    at,
  };
}

async function counts(store: Store) {
  const count = async (table: 'conversations' | 'transcript' | 'outbox' | 'timers' | 'processed_events') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    conversations: await count('conversations'),
    transcript: await count('transcript'),
    outbox: await count('outbox'),
    timers: await count('timers'),
    events: await count('processed_events'),
  };
}

async function outboxTexts(store: Store, userId: string): Promise<string[]> {
  const rows = await store.db.selectFrom('outbox').select('message').where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => (JSON.parse(r.message) as { text: string }).text);
}

async function walk(engine: Engine, userId: string, ids: string[], at = 1_000) {
  await engine.handle(message(userId, { text: 'hi' }, at));
  for (const id of ids) await engine.handle(message(userId, { choiceId: id }, at));
}

const TO_HANDOFF = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

describe.each(DIALECTS)('engine on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setup() {
    ({ store, cleanup } = await freshStore(dialect));
    return createEngine({ store, translator });
  }

  it('persists a conversation and queues the welcome', async () => {
    const engine = await setup();
    const result = await engine.handle(message('u1', { text: 'hello' }));
    expect(result.duplicate).toBe(false);
    expect(result.queued).toBe(2);
    const row = await store.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'console', user_id: 'u1', locale: 'en', step: 'role', flow_version: 1 });
    expect(JSON.parse(row.snapshot).context).not.toHaveProperty('out');
    expect((await outboxTexts(store, 'u1'))[1]).toBe(translator.t('en', 'role.ask'));
  });

  it('processes a repeated event once', async () => {
    const engine = await setup();
    const event = message('u1', { text: 'hello' });
    await engine.handle(event);
    const before = await counts(store);
    const again = await engine.handle({ ...event });
    expect(again.duplicate).toBe(true);
    expect(await counts(store)).toEqual(before);
  });

  it('leaves nothing behind when an event fails midway, and processes it when redelivered', async () => {
    const failing: Translator = {
      ...translator,
      render(intent, locale) {
        if (intent.key === 'role.ask') throw new Error('renderer failed');
        return translator.render(intent, locale);
      },
    };
    const broken = await setup();
    const engine = createEngine({ store, translator: failing });
    const event = message('u1', { text: 'hello' });
    await expect(engine.handle(event)).rejects.toThrow('renderer failed');
    expect(await counts(store)).toEqual({ conversations: 0, transcript: 0, outbox: 0, timers: 0, events: 0 });
    const retried = await broken.handle(event);
    expect(retried.duplicate).toBe(false);
    expect((await counts(store)).outbox).toBe(2);
  });

  it('matches typed labels and numbers, in any supported language', async () => {
    const engine = await setup();
    await engine.handle(message('u1', { text: 'hi' }, 1_000, 'th'));
    await engine.handle(message('u1', { text: '1' }));
    await engine.handle(message('u1', { text: translator.t('th', 'choice.minor:yes') }));
    const row = await store.db.selectFrom('conversations').select(['step', 'locale']).executeTakeFirstOrThrow();
    expect(row).toEqual({ step: 'age_now', locale: 'th' });
  });

  it('sets staff flags from the flow and from risk', async () => {
    const engine = await setup();
    await walk(engine, 'u1', ['role:self', 'minor:yes', 'age:under13', 'content:yes', 'threat:yes']);
    await engine.handle(message('u1', { text: 'i want to kill myself' }));
    const row = await store.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    // A crisis message pauses the intake (test/engine/crisis.test.ts has the pause itself).
    expect(row).toMatchObject({ under13: 1, sextortion: 1, urgent: 1, urgent_reason: 'self_harm', human: 0, step: 'crisis' });
    const texts = await outboxTexts(store, 'u1');
    expect(texts.at(-2)).toContain(translator.t('en', 'risk.crisis', { contacts: '' }).trim());
    expect(texts.at(-1)).toBe(translator.t('en', 'crisis.ask'));
  });

  it('schedules the link timers durably, and a timer due while the process was down fires after restart', async () => {
    const engine = await setup();
    await walk(engine, 'u1', TO_HANDOFF, 1_000);
    const timers = await store.db.selectFrom('timers').select(['name', 'due_at']).orderBy('name').execute();
    expect(timers.map((t) => t.name)).toEqual(['idle', 'link_expiry', 'reminder']);
    // "Restart": a new engine and timer worker over the same store, 31 minutes later.
    const restarted = createEngine({ store, translator });
    const worker = createTimerWorker({ store, engine: restarted, logger: silentLogger, now: () => 1_000 + REMINDER_AFTER + 60_000 });
    expect(await worker.runOnce()).toBe(1);
    expect((await outboxTexts(store, 'u1')).at(-1)).toBe(translator.t('en', 'handoff.reminder'));
    expect(await worker.runOnce()).toBe(0);
    const left = await store.db.selectFrom('timers').select('name').orderBy('name').execute();
    expect(left.map((t) => t.name)).toEqual(['idle', 'link_expiry']);
  });

  it('gives up a timer whose firing never finished MAX_INTERRUPTIONS times, and counts nothing for a timer set anew', async () => {
    const engine = await setup();
    await walk(engine, 'u1', TO_HANDOFF, 1_000);
    // An engine that fails every firing, as one that ends the process would: the lease runs out and the timer is claimed again.
    const failing: Engine = { ...engine, handle: async () => Promise.reject(new Error('engine fails')) };
    const due = 1_000 + REMINDER_AFTER + 60_000;
    const reminder = () => store.db.selectFrom('timers').select(['interrupted', 'lease_until']).where('name', '=', 'reminder').executeTakeFirst();
    for (let i = 0; i < MAX_INTERRUPTIONS; i++) {
      const worker = createTimerWorker({ store, engine: failing, logger: silentLogger, leaseMs: 1_000, now: () => due + i * 2_000 });
      expect(await worker.runOnce()).toBe(0);
      expect(await reminder()).toMatchObject({ interrupted: i, lease_until: due + i * 2_000 + 1_000 });
    }
    const last = createTimerWorker({ store, engine, logger: silentLogger, now: () => due + MAX_INTERRUPTIONS * 2_000 });
    expect(await last.runOnce()).toBe(0);
    expect(await reminder()).toBeUndefined();
    expect(await outboxTexts(store, 'u1')).not.toContain(translator.t('en', 'handoff.reminder'));

    // A timer cut off three times, set again (the person asks for a new link), starts with nothing counted against it.
    const { id } = await store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    await store.db.insertInto('timers').values({ conversation_id: id, name: 'reminder', due_at: 5, lease_until: 4, interrupted: 3 }).execute();
    await engine.handle(message('u1', { text: 'new link' }, due + 20_000));
    const again = await store.db.selectFrom('timers').select(['interrupted', 'lease_until', 'due_at']).where('name', '=', 'reminder').executeTakeFirst();
    expect(again).toMatchObject({ interrupted: 0, lease_until: null });
  });

  it('restarts a snapshot of an unknown flow version at welcome, keeping language and cases', async () => {
    const engine = await setup();
    await walk(engine, 'u1', ['role:self'], 1_000);
    await store.db.updateTable('conversations').set({ flow_version: 0, snapshot: '{"context":{"cases":["ACDE-FGHJ"]},"value":"gone"}', locale: 'es' }).execute();
    await engine.handle(message('u1', { text: 'hola' }));
    const row = await store.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(row.step).toBe('role');
    expect(row.locale).toBe('es');
    expect(JSON.parse(row.snapshot).context.cases).toEqual(['ACDE-FGHJ']);
    expect((await outboxTexts(store, 'u1')).slice(-2)).toEqual([translator.t('es', 'welcome.intro'), translator.t('es', 'role.ask')]);
  });

  it('stays silent while staff hold the conversation, and resumes on hand-back', async () => {
    const engine = await setup();
    await walk(engine, 'u1', ['role:self']);
    const { id } = await store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    await engine.handle({ type: 'staff', action: 'takeover', conversationId: id, staffId: 's1', dedupeKey: 'staff:1', at: 2_000 });
    const before = (await outboxTexts(store, 'u1')).length;
    await engine.handle(message('u1', { choiceId: 'minor:yes' }));
    expect((await outboxTexts(store, 'u1')).length).toBe(before);
    await engine.handle({ type: 'staff', action: 'reply', conversationId: id, staffId: 's1', text: 'Hi, I am here.', dedupeKey: 'staff:2', at: 2_001 });
    await engine.handle({ type: 'staff', action: 'handback', conversationId: id, staffId: 's1', dedupeKey: 'staff:3', at: 2_002 });
    const texts = await outboxTexts(store, 'u1');
    expect(texts.slice(before)).toEqual(['Hi, I am here.', translator.t('en', 'human.handback'), translator.t('en', 'minor.ask')]);
  });

  it('erases the person on confirmed delete, keeping their case anonymous', async () => {
    const engine = await setup();
    await walk(engine, 'u1', TO_HANDOFF);
    const { id } = await store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    await store.db.insertInto('cases').values({ id: 'c1', case_number: 'ACDE-FGHJ', conversation_id: id, locale: 'en', status: 'received', created_at: 1, updated_at: 1 }).execute();
    await engine.handle(message('u1', { text: 'delete' }));
    await engine.handle(message('u1', { choiceId: 'delete:confirm' }));
    const left = await counts(store);
    expect(left.conversations).toBe(0);
    expect(left.transcript).toBe(0);
    expect(left.timers).toBe(0);
    expect(await outboxTexts(store, 'u1')).toEqual([translator.t('en', 'delete.done')]);
    const kept = await store.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(kept.conversation_id).toBeNull();
  });

  it('lists cases newest first on status', async () => {
    const engine = await setup();
    await walk(engine, 'u1', ['role:self']);
    const { id } = await store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    await store.db.insertInto('cases').values([
      { id: 'c1', case_number: 'ACDE-FGHJ', conversation_id: id, locale: 'en', status: 'active', created_at: Date.UTC(2026, 2, 3), updated_at: 1 },
      { id: 'c2', case_number: 'KMNP-QRTV', conversation_id: id, locale: 'en', status: 'received', created_at: Date.UTC(2026, 3, 4), updated_at: 1 },
    ]).execute();
    await engine.handle(message('u1', { text: 'status' }));
    const last = (await outboxTexts(store, 'u1')).at(-1)!;
    expect(last.indexOf('KMNP-QRTV')).toBeLessThan(last.indexOf('ACDE-FGHJ'));
    expect(last).toContain('March 3, 2026');
  });
});

describe('engine: blocking and captions', () => {
  it('marks a person who left unreachable without creating anyone, and reads danger in a caption', async () => {
    const { store, cleanup } = await freshStore('sqlite');
    try {
      const engine = createEngine({ store, translator });
      await engine.handle({ type: 'inbound', channel: 'console', userId: 'ghost', dedupeKey: 'l0', kind: 'left', at: 1 });
      expect(await store.db.selectFrom('conversations').selectAll().execute()).toEqual([]);
      await walk(engine, 'u1', ['role:self']);
      await engine.handle({ type: 'inbound', channel: 'console', userId: 'u1', dedupeKey: 'c1', kind: 'media', text: 'i want to kill myself', at: 2 });
      const row = await store.db.selectFrom('conversations').select(['urgent', 'unreachable']).executeTakeFirstOrThrow();
      expect(row.urgent).toBe(1);
      const texts = await outboxTexts(store, 'u1');
      expect(texts.some((t) => t.startsWith(translator.t('en', 'risk.crisis', { contacts: '' }).trim()))).toBe(true);
      expect(texts).toContain(translator.t('en', 'media.never_send'));
      await engine.handle({ type: 'inbound', channel: 'console', userId: 'u1', dedupeKey: 'l1', kind: 'left', at: 3 });
      expect((await store.db.selectFrom('conversations').select('unreachable').executeTakeFirstOrThrow()).unreachable).toBe(1);
      await engine.handle(message('u1', { text: 'hi again' }, 4));
      expect((await store.db.selectFrom('conversations').select('unreachable').executeTakeFirstOrThrow()).unreachable).toBe(0);
    } finally {
      await cleanup();
    }
  });
});
