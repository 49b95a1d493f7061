// Typed answers through the engine and a real store: understood, clarified, numbered, heard.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { InboundEvent } from '../../src/core/events';
import type { Store } from '../../src/store/database';
import { freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let store: Store;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

let sequence = 0;
async function person(locale: string) {
  ({ store, cleanup } = await freshStore('sqlite'));
  const engine: Engine = createEngine({ store, translator });
  const send = (body: { text?: string; choiceId?: string }) => {
    const event: InboundEvent = {
      type: 'inbound',
      channel: 'console',
      userId: 'u1',
      dedupeKey: `understand:${sequence++}`,
      kind: body.choiceId ? 'choice' : 'text',
      ...body,
      localeHint: locale,
      at: 1_000,
    };
    return engine.handle(event);
  };
  const row = () => store.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
  /** What the person was sent since the last call. */
  let seen = 0;
  const received = async () => {
    const rows = await store.db.selectFrom('outbox').select('message').orderBy('id').execute();
    const fresh = rows.slice(seen).map((r) => JSON.parse(r.message) as { text: string; choices: { id: string; label: string }[] });
    seen = rows.length;
    return fresh;
  };
  return { send, row, received };
}

describe('typed answers through the engine', () => {
  it('moves the flow on a typed "ใช่ค่ะ", "ตัวเองค่ะ" and "อายุ14ค่ะ"', async () => {
    const p = await person('th');
    await p.send({ text: 'สวัสดีค่ะ' });
    await p.send({ text: 'ตัวเองค่ะ' });
    expect((await p.row()).step).toBe('minor_at_capture');
    await p.send({ text: 'ใช่ค่ะ' });
    expect((await p.row()).step).toBe('age_now');
    await p.send({ text: 'อายุ14ค่ะ' });
    expect((await p.row()).step).toBe('content');
  });

  it('hears a story typed at the threat question: threat, sextortion flag, and thanks first', async () => {
    const p = await person('th');
    for (const text of ['สวัสดีค่ะ', 'ตัวเอง', 'ใช่', '15', 'ใช่ค่ะ']) await p.send({ text });
    expect((await p.row()).step).toBe('threat');
    await p.received();
    await p.send({ text: 'มีคนขู่จะส่งรูปให้เพื่อนทั้งห้องถ้าไม่โอนเงิน😭' });
    const row = await p.row();
    // Contacts go out at once; where they live is asked next, before the copy question.
    expect(row).toMatchObject({ step: 'country', sextortion: 1 });
    const said = (await p.received()).map((m) => m.text);
    expect(said[0]).toBe(translator.t('th', 'threat.thanks'));
    expect(said[1]).toBe(translator.t('th', 'sextortion.advice'));
  });

  it('numbers the choices in the text of the second re-ask, and offers a person on the third, whom "3" then asks for', async () => {
    const p = await person('en');
    await p.send({ text: 'hi' });
    await p.send({ text: 'hmm' });
    await p.received();
    await p.send({ text: 'whatever' });
    const second = await p.received();
    expect(second[0]!.text).toContain('‘whatever’');
    expect(second[1]!.text).toContain(`1. ${translator.t('en', 'choice.role:self')}\n2. ${translator.t('en', 'choice.role:helper')}`);
    await p.send({ text: 'asdf' });
    const third = await p.received();
    expect(third[1]!.choices.map((c) => c.id)).toEqual(['role:self', 'role:helper', 'human']);
    expect(third[1]!.text).toContain(`3. ${translator.t('en', 'choice.human')}`);
    await p.send({ text: '3' });
    expect((await p.row()).human).toBe(1);
  });

  it('asks a clarifying question rather than guess at "yes and no"', async () => {
    const p = await person('en');
    await p.send({ text: 'hi' });
    await p.send({ text: 'its me' });
    await p.received();
    await p.send({ text: 'yes and no' });
    expect((await p.row()).step).toBe('minor_at_capture');
    const said = await p.received();
    expect(said[0]!.text).toBe(translator.t('en', 'reask.clarify', { heard: 'yes and no' }));
    expect(said[1]!.text).toContain('1. ');
  });

  it('goes back a question on "ย้อนกลับ", and a person is asked for in plain words', async () => {
    const p = await person('th');
    for (const text of ['สวัสดี', 'เพื่อนค่ะ', 'ไม่แน่ใจ']) await p.send({ text });
    expect((await p.row()).step).toBe('age_now');
    await p.send({ text: 'ย้อนกลับ' });
    expect((await p.row()).step).toBe('minor_at_capture');
    await p.send({ text: 'ขอคุยกับคนจริงๆได้มั้ย' });
    expect((await p.row()).human).toBe(1);
  });
});
