// The language step with all 25 languages present: pages within every channel's limit, typed names in any script, platform hints.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, LOCALES_DIR, type Translator } from '../../src/engine/i18n';
import { SUPPORTED_LOCALES, textDirection } from '../../src/core/locales';
import { endonym } from '../../src/core/language-names';
import type { RenderedMessage } from '../../src/core/messages';
import type { Store } from '../../src/store/database';
import { freshStore } from '../helpers';

/** A locales folder with every language: the real en, th and es, the others English texts under their own name and direction. */
function allLanguages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-locales-'));
  for (const lng of SUPPORTED_LOCALES) {
    mkdirSync(join(dir, lng));
    for (const file of ['translation.json', 'page.json', 'staff.json']) {
      if (['en', 'th', 'es'].includes(lng)) {
        cpSync(join(LOCALES_DIR, lng, file), join(dir, lng, file));
        continue;
      }
      const json = JSON.parse(readFileSync(join(LOCALES_DIR, 'en', file), 'utf8'));
      json.meta = { name: endonym(lng), dir: textDirection(lng) };
      writeFileSync(join(dir, lng, file), JSON.stringify(json));
    }
  }
  return dir;
}

const dir = allLanguages();
let translator: Translator;
let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  translator = await createTranslator(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => cleanup?.());

let sequence = 0;
async function person(hint?: string) {
  ({ store, cleanup } = await freshStore('sqlite'));
  const engine: Engine = createEngine({ store, translator });
  const userId = `u${sequence++}`;
  const said = async (): Promise<RenderedMessage[]> =>
    (await store.db.selectFrom('outbox').select('message').orderBy('id').execute()).map((row) => JSON.parse(row.message) as RenderedMessage);
  return {
    said,
    last: async () => (await said()).at(-1)!,
    async send(body: { text?: string; choiceId?: string }) {
      await engine.handle({
        type: 'inbound',
        channel: 'console',
        userId,
        dedupeKey: `lang:${userId}:${sequence++}`,
        kind: body.choiceId ? 'choice' : 'text',
        ...body,
        ...(hint ? { localeHint: hint } : {}),
        at: 1_000 + sequence,
      });
    },
    locale: async () => (await store.db.selectFrom('conversations').select(['locale', 'step']).where('user_id', '=', userId).executeTakeFirstOrThrow()),
  };
}

describe('the language step, all 25 languages present', () => {
  it('offers every language found complete, and only those', async () => {
    expect([...translator.locales].sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const partial = mkdtempSync(join(tmpdir(), 'reclaim-locales-'));
    try {
      for (const lng of ['en', 'th', 'ar']) cpSync(join(dir, lng), join(partial, lng), { recursive: true });
      rmSync(join(partial, 'ar', 'page.json'));
      mkdirSync(join(partial, 'xx'));
      writeFileSync(join(partial, 'xx', 'translation.json'), '{}');
      expect((await createTranslator(partial)).locales).toEqual(['en', 'th']);
    } finally {
      rmSync(partial, { recursive: true, force: true });
      await createTranslator(dir);
    }
  });

  it('asks without a hint, a page at a time, each page within 13 buttons, every language once', async () => {
    const p = await person();
    await p.send({ text: 'hello' });
    const seen: string[] = [];
    let ask = await p.last();
    expect(ask.text).toBe(translator.t('en', 'language.ask'));
    for (let page = 0; page < 3; page++) {
      const ids = ask.choices.map((c) => c.id);
      expect(ids.length + 1, `page ${page + 1} and "Talk to a person"`).toBeLessThanOrEqual(13);
      expect(ids.at(-1)).toBe('language:more');
      expect(ask.choices.at(-1)!.label).toBe('More languages ›');
      for (const choice of ask.choices.slice(0, -1)) expect(choice.label).toBe(endonym(choice.id.slice(5)));
      seen.push(...ids.slice(0, -1));
      await p.send({ choiceId: 'language:more' });
      ask = await p.last();
    }
    expect(seen.sort()).toEqual(SUPPORTED_LOCALES.map((l) => `lang:${l}`).sort());
    // After the last page, the first again.
    expect(ask.choices[0]!.id).toBe('lang:en');
    expect((await p.said()).filter((m) => m.text === translator.t('en', 'common.not_understood'))).toEqual([]);
  });

  it('takes a number from the page on screen', async () => {
    const p = await person();
    await p.send({ text: 'hello' });
    await p.send({ choiceId: 'language:more' });
    const third = (await p.last()).choices[2]!.id;
    await p.send({ text: '3' });
    expect((await p.locale()).locale).toBe(third.slice(5));
  });

  it.each([
    ['ไทย', 'th'], ['vietnamese', 'vi'], ['Tiếng Việt', 'vi'], ['bahasa', 'id'], ['हिंदी', 'hi'], ['عربي', 'ar'], ['中文', 'zh'],
    ['한국어', 'ko'], ['español', 'es'], ['filipino', 'tl'], ['kurdî', 'ckb'], ['کوردی', 'ckb'], ['vi', 'vi'], ['more languages', null],
  ])('picks the language typed as "%s" on any page', async (typed, code) => {
    const p = await person();
    await p.send({ text: 'hello' });
    await p.send({ text: typed });
    if (code === null) {
      // Typing the label of "More languages" turns the page.
      expect((await p.last()).choices.map((c) => c.id)).toContain('lang:tr');
      return;
    }
    expect(await p.locale()).toEqual({ locale: code, step: 'role' });
  });

  it('lists the languages of the hint\'s country first when the hint is not one of ours', async () => {
    const p = await person('ms_MY');
    await p.send({ text: 'hello' });
    expect((await p.last()).choices.slice(0, 4).map((c) => c.id)).toEqual(['lang:en', 'lang:zh', 'lang:ta', 'lang:id']);
  });

  it('speaks Simplified Chinese to zh-TW, saying so once', async () => {
    const p = await person('zh-TW');
    await p.send({ text: 'hello' });
    expect(await p.locale()).toEqual({ locale: 'zh', step: 'role' });
    const note = translator.t('zh', 'language.nearest', { language: '简体中文' });
    expect((await p.said()).map((m) => m.text)).toEqual([translator.t('zh', 'welcome.intro'), note, translator.t('zh', 'role.ask')]);
    await p.send({ choiceId: 'restart' });
    expect((await p.said()).filter((m) => m.text === note)).toHaveLength(1);
  });

  it('greets pt-BR, es-419 and fil in their language without asking', async () => {
    for (const [hint, code] of [['pt-BR', 'pt'], ['es-419', 'es'], ['fil', 'tl'], ['in', 'id']] as const) {
      const p = await person(hint);
      await p.send({ text: 'hello' });
      expect(await p.locale(), hint).toEqual({ locale: code, step: 'role' });
      await cleanup();
    }
  });
});
