// Durable timers while a person from the team holds the conversation: silence and no progress lost, then one right thing on hand-back.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { createLogger } from '../../src/core/logger';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';
import { IDLE_TTL, LINK_TTL, MINUTE, REMINDER_AFTER } from '../../flows/intake';
import { chat, TO_HANDOFF } from './chat-fixtures';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe.each(DIALECTS)('timers during a hold on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setup() {
    ({ store, cleanup } = await freshStore(dialect));
    return chat(store, translator);
  }

  it('a due reminder, link expiry and idle expiry say nothing and change nothing while held; hand-back resumes the step once', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    expect((await person.conversation()).step).toBe('waiting');
    expect((await person.timerRows()).map((t) => t.name)).toEqual(['idle', 'link_expiry', 'reminder']);

    person.clock.now += MINUTE;
    await person.staff('takeover');
    const sentBefore = (await person.texts()).length;
    const heldRow = await person.conversation();

    // Every deadline passes while the person talks with staff.
    person.clock.now += IDLE_TTL + MINUTE;
    await person.runTimers();
    expect((await person.texts()).slice(sentBefore)).toEqual([]);
    const stillHeld = await person.conversation();
    expect(stillHeld.step).toBe('waiting');
    expect(stillHeld.snapshot).toBe(heldRow.snapshot);
    expect(stillHeld.held_by).toBe('s1');

    const handedBackAt = person.clock.now;
    await person.staff('handback');
    await person.runTimers();
    // Back with the bot: the step is asked again, with a fresh link; the old link's news is not told.
    const after = (await person.messages()).slice(sentBefore);
    expect(after.map((m) => m.text)).toEqual([translator.t('en', 'human.handback'), translator.t('en', 'handoff.link')]);
    expect(after[1]!.link?.kind).toBe('handoff');
    expect((await person.conversation()).step).toBe('waiting');
    expect(await person.timerRows()).toEqual([
      { name: 'idle', due_at: handedBackAt + IDLE_TTL },
      { name: 'link_expiry', due_at: handedBackAt + LINK_TTL },
      { name: 'reminder', due_at: handedBackAt + REMINDER_AFTER },
    ]);

    // The fresh link's reminder is still meaningful, and comes once.
    person.clock.now = handedBackAt + REMINDER_AFTER + MINUTE;
    expect(await person.runTimers()).toBe(1);
    expect(await person.runTimers()).toBe(0);
    expect((await person.texts()).slice(sentBefore + 2)).toEqual([translator.t('en', 'handoff.reminder')]);
  });

  it('a timer claimed just before a takeover and fired after it waits too, and fires after hand-back', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    const reminder = (await person.timerRows()).find((t) => t.name === 'reminder')!;
    person.clock.now = reminder.due_at + MINUTE;
    await person.staff('takeover');
    const sentBefore = (await person.texts()).length;
    const heldRow = await person.conversation();

    // The worker of another instance claimed the timer a moment before staff took over.
    const fire = () =>
      person.engine.handle({ type: 'timeout', conversationId: heldRow.id, name: 'reminder', dueAt: reminder.due_at, dedupeKey: `timer:${heldRow.id}:reminder:${reminder.due_at}`, at: person.clock.now });
    await fire();
    expect((await person.texts()).length).toBe(sentBefore);
    expect((await person.conversation()).snapshot).toBe(heldRow.snapshot);
    const waiting = await store.db.selectFrom('timers').select(['due_at', 'lease_until']).where('name', '=', 'reminder').executeTakeFirstOrThrow();
    expect(waiting).toEqual({ due_at: reminder.due_at, lease_until: null });

    // Handed back before the link would have expired: the same timer, fired again, is now handled once.
    await store.db.updateTable('conversations').set({ held_by: null }).where('id', '=', heldRow.id).execute();
    await fire();
    await fire();
    expect((await person.texts()).slice(sentBefore)).toEqual([translator.t('en', 'handoff.reminder')]);
  });

  it('an idle expiry due during a long hold does not erase progress: hand-back carries on at the step', async () => {
    const person = await setup();
    await person.walk(['role:self', 'minor:yes']);
    await person.staff('takeover');
    const sentBefore = (await person.texts()).length;

    person.clock.now += IDLE_TTL + MINUTE;
    await person.runTimers();
    expect((await person.conversation()).step).toBe('age_now');
    expect((await person.texts()).length).toBe(sentBefore);

    await person.staff('handback');
    await person.runTimers();
    expect((await person.conversation()).step).toBe('age_now');
    expect((await person.texts()).slice(sentBefore)).toEqual([translator.t('en', 'human.handback'), translator.t('en', 'age.ask')]);
    // The person answers the open question, not a fresh welcome.
    await person.say({ choiceId: 'age:16_17' });
    expect((await person.conversation()).step).toBe('content');
  });

  it('case news gathered during a hold waits, and is told once after hand-back with the step choices', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    const caseNumber = await person.submit();
    await person.staff('takeover');
    const sentBefore = (await person.texts()).length;

    person.clock.now += 5 * MINUTE;
    await person.runTimers();
    expect((await person.texts()).slice(sentBefore)).toEqual([]);
    expect((await person.timerRows()).map((t) => t.name)).toContain('digest');

    await person.staff('handback');
    await person.runTimers();
    await person.runTimers();
    const after = (await person.messages()).slice(sentBefore);
    expect(after.map((m) => m.text)).toEqual([
      translator.t('en', 'human.handback'),
      translator.t('en', 'follow_up.ask'),
      expect.stringContaining(translator.t('en', 'status.shared', { caseNumber })),
    ]);
    expect(after[2]!.choices.map((c) => c.id)).toEqual(['status', 'handoff:new_link', 'human']);
    expect((await person.timerRows()).map((t) => t.name)).not.toContain('digest');
  });
});

describe.each(DIALECTS)('timer worker failures on %s', (dialect) => {
  it('logs a failed pass instead of swallowing it', async () => {
    const { store, cleanup } = await freshStore(dialect);
    const lines: string[] = [];
    const person = chat(store, await createTranslator(), { logger: createLogger('debug', (line) => lines.push(line)) });
    // The database goes away under the worker.
    await cleanup();
    person.timers.wake();
    await person.timers.stop();
    const logged = lines.map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', msg: 'timer pass failed', error: expect.any(String) }));
  });
});
