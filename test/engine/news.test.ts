// Case news told by the digest timer: only what is still true, and never at the cost of the open step's choices.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { recordFeedback } from '../../src/engine/cases';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';
import { MINUTE, STEPS } from '../../flows/intake';
import { chat, TO_HANDOFF } from './chat-fixtures';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe.each(DIALECTS)('case news on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setup() {
    ({ store, cleanup } = await freshStore(dialect));
    return chat(store, translator);
  }

  async function caseId(caseNumber: string) {
    return (await store.db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow()).id;
  }

  it('says nothing about sharing a case the person withdrew before the news was told', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    const caseNumber = await person.submit();
    person.clock.now += 10_000;
    await person.say({ text: 'withdraw' });
    await person.say({ choiceId: 'withdraw:confirm' });
    const sentBefore = (await person.texts()).length;

    person.clock.now += 2 * MINUTE;
    await person.runTimers();
    const told = (await person.texts()).slice(sentBefore);
    expect(told.filter((t) => t.includes(translator.t('en', 'status.shared', { caseNumber })))).toEqual([]);
    expect(told).toEqual([]);
    expect((await person.timerRows()).map((t) => t.name)).not.toContain('digest');
  });

  it('tells only the latest report of a platform on a case', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    const caseNumber = await person.submit();
    const id = await caseId(caseNumber);
    const hash = (await store.db.selectFrom('case_hashes').select('id').where('case_id', '=', id).orderBy('id').executeTakeFirstOrThrow()).id;
    await recordFeedback(store.db, { caseId: id, hashId: hash, partnerId: null, source: 'staff', status: 'pending_review', note: 'PhotoApp', at: person.clock.now + 1 });
    await recordFeedback(store.db, { caseId: id, hashId: hash, partnerId: null, source: 'staff', status: 'removed', note: 'PhotoApp', at: person.clock.now + 2 });
    const sentBefore = (await person.texts()).length;

    person.clock.now += 2 * MINUTE;
    await person.runTimers();
    const [digest, ...rest] = (await person.texts()).slice(sentBefore);
    expect(rest).toEqual([]);
    expect(digest).toContain(translator.t('en', 'status.shared', { caseNumber }));
    expect(digest).toContain(caseNumber + ': PhotoApp');
    expect(digest).not.toContain(translator.t('en', 'status.matched', { caseNumber, platform: 'PhotoApp' }));
  });

  it('a news message carries the choices of the step the person is at', async () => {
    const person = await setup();
    await person.walk(TO_HANDOFF);
    await person.submit();
    // The person asked for another link to add more files: the news arrives while they are at that step.
    await person.say({ choiceId: 'handoff:new_link' });
    expect((await person.conversation()).step).toBe('waiting');
    const sentBefore = (await person.messages()).length;

    person.clock.now += 2 * MINUTE;
    await person.runTimers();
    const told = (await person.messages()).slice(sentBefore);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(translator.t('en', 'status.digest', { lines: '' }).trim());
    expect(told[0]!.choices.map((c) => c.id)).toEqual(STEPS.waiting.choices);
  });
});
