// Renders message intents in a person's language with i18next, and lists the words that select each choice.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import type { MessageIntent, RenderedMessage } from '../core/messages';
import { normaliseAnswer, type ChoiceWords } from '../core/choices';

export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

/** Renders intents to text and answers which words pick a choice. */
export interface Translator {
  t(locale: string | null | undefined, key: string, params?: Record<string, unknown>): string;
  render(intent: MessageIntent, locale: string | null | undefined): RenderedMessage;
  /** Labels of the choice in every locale, plus command words when the id is a command. */
  choiceWords(ids: readonly string[]): ChoiceWords[];
  locales: readonly string[];
}

/** Loads every `locales/<lng>/translation.json` synchronously at start-up. */
export async function createTranslator(dir: string = LOCALES_DIR): Promise<Translator> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lng of readdirSync(dir)) {
    const file = join(dir, lng, 'translation.json');
    try {
      resources[lng] = { translation: JSON.parse(readFileSync(file, 'utf8')) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const instance: i18n = i18next.createInstance();
  await instance.init({
    resources,
    fallbackLng: 'en',
    supportedLngs: Object.keys(resources),
    load: 'languageOnly',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const locales = Object.keys(resources);
  const fixed = new Map<string, TFunction>(locales.map((l) => [l, instance.getFixedT(l)]));
  const tFor = (locale: string | null | undefined): TFunction => fixed.get(locale ?? 'en') ?? fixed.get('en')!;
  const wordsCache = new Map<string, string[]>();
  const renderCache = new Map<string, RenderedMessage>();
  const textCache = new Map<string, string>();

  function words(id: string): string[] {
    let list = wordsCache.get(id);
    if (!list) {
      list = [];
      for (const lng of locales) {
        const t = fixed.get(lng)!;
        const label = t(`choice.${id}`, { defaultValue: '' });
        if (label) list.push(label);
        const command = t(`command.${id}`, { defaultValue: '' });
        if (command) list.push(...command.split('|').filter(Boolean));
      }
      list = [...new Set(list.map(normaliseAnswer))];
      wordsCache.set(id, list);
    }
    return list;
  }

  return {
    locales,
    t(locale, key, params) {
      if (params) return String(tFor(locale)(key, params as never));
      // Labels and fixed texts are looked up for every message; i18next's lookup is the slow part.
      const cacheKey = `${locale ?? ''}\u0000${key}`;
      let text = textCache.get(cacheKey);
      if (text === undefined) {
        text = String(tFor(locale)(key));
        textCache.set(cacheKey, text);
      }
      return text;
    },
    render(intent, locale) {
      // Most messages are the same step questions over and over: render each once per language.
      const cacheKey = `${locale ?? ''}\u0000${intent.key}\u0000${intent.link ?? ''}\u0000${(intent.choices ?? []).join(',')}${intent.numbered ? '#' : ''}\u0000${intent.params ? JSON.stringify(intent.params) : ''}`;
      const cached = renderCache.get(cacheKey);
      if (cached) return structuredClone(cached);
      const rendered = renderUncached(intent, locale);
      if (renderCache.size >= 2000) renderCache.clear();
      renderCache.set(cacheKey, rendered);
      return structuredClone(rendered);
    },
    choiceWords: (ids) => ids.map((id) => ({ id, words: words(id) })),
  };

  function renderUncached(intent: MessageIntent, locale: string | null | undefined): RenderedMessage {
    {
      const t = tFor(locale);
      const message: RenderedMessage = {
        text: String(t(intent.key, (intent.params ?? {}) as never)),
        choices: (intent.choices ?? []).map((id) => ({ id, label: String(t(`choice.${id}`)) })),
      };
      if (intent.link) message.link = { kind: intent.link, label: t('handoff.link_label') as string };
      // Buttons carry no numbers on any channel: the numbers a person may type are shown in the text.
      if (intent.numbered && message.choices.length > 0) {
        message.text = [message.text, ...message.choices.map((c, i) => `${i + 1}. ${c.label}`)].join('\n');
      }
      return message;
    }
  }
}
