// Renders message intents in a person's language with i18next, and lists the words that select each choice.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { copyRendered, type MessageIntent, type RenderedMessage } from '../core/messages';
import { normaliseAnswer, type ChoiceWords } from '../core/choices';
import { isSupportedLocale, setOfferedLocales, SOURCE_LOCALE } from '../core/locales';
import { endonym, LANGUAGE_NAMES } from '../core/language-names';
import { countryCodeOfChoice, countryName, countryWords } from '../core/contacts/country';

export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

/** Renders intents to text and answers which words pick a choice. */
export interface Translator {
  t(locale: string | null | undefined, key: string, params?: Record<string, unknown>): string;
  render(intent: MessageIntent, locale: string | null | undefined): RenderedMessage;
  /** Labels of the choice in every locale, plus command words when the id is a command. */
  choiceWords(ids: readonly string[]): ChoiceWords[];
  /** The languages offered: those whose bot texts and hashing page texts are both present. */
  locales: readonly string[];
}

/** The files a language needs before it is offered: the bot's words and the hashing page's. */
export const REQUIRED_FILES = ['translation.json', 'page.json'] as const;

/** The languages of `dir` with every required file present, the source language first. */
export function presentLocales(dir: string = LOCALES_DIR): string[] {
  const present = readdirSync(dir).filter((lng) => isSupportedLocale(lng) && REQUIRED_FILES.every((file) => existsSync(join(dir, lng, file))));
  if (!present.includes(SOURCE_LOCALE)) throw new Error(`${dir}: ${SOURCE_LOCALE} is required, every other language falls back to it`);
  return [SOURCE_LOCALE, ...present.filter((lng) => lng !== SOURCE_LOCALE).sort()];
}

/**
 * Loads the translation.json of every language found complete at start-up, and offers exactly
 * those: a language lands by adding its folder, with no list to edit.
 */
export async function createTranslator(dir: string = LOCALES_DIR): Promise<Translator> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lng of presentLocales(dir)) {
    resources[lng] = { translation: JSON.parse(readFileSync(join(dir, lng, 'translation.json'), 'utf8')) };
  }
  setOfferedLocales(Object.keys(resources));
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
        // "More languages ›" is typed without its arrow.
        if (label) list.push(label, label.replace(/[\s›»→>]+$/u, ''));
        const language = languageOf(id);
        if (language) list.push(language.endonym, language.english);
        const command = t(`command.${id}`, { defaultValue: '' });
        if (command) list.push(...command.split('|').filter(Boolean));
      }
      // A country is typed by its name in any of our languages or its own, or by its code ("méxico", "ไทย", "kr").
      const country = countryCodeOfChoice(id);
      if (country) list.push(...countryWords(country));
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
      if (cached) return copyRendered(cached);
      const rendered = renderUncached(intent, locale);
      if (renderCache.size >= 2000) renderCache.clear();
      renderCache.set(cacheKey, rendered);
      return copyRendered(rendered);
    },
    choiceWords: (ids) => ids.map((id) => ({ id, words: words(id) })),
  };

  function renderUncached(intent: MessageIntent, locale: string | null | undefined): RenderedMessage {
    {
      const t = tFor(locale);
      const message: RenderedMessage = {
        text: String(t(intent.key, (intent.params ?? {}) as never)),
        // A language is named in itself, so the list reads the same whatever language the chat is in;
        // a country is named in the chat's language from ICU's tables, so any country fits any language.
        choices: (intent.choices ?? []).map((id) => ({ id, label: languageOf(id)?.endonym ?? countryLabel(id, locale) ?? String(t(`choice.${id}`)) })),
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

function countryLabel(id: string, locale: string | null | undefined): string | undefined {
  const code = countryCodeOfChoice(id);
  return code ? countryName(code, locale) : undefined;
}

function languageOf(id: string): { endonym: string; english: string } | undefined {
  if (!id.startsWith('lang:')) return undefined;
  const code = id.slice(5);
  const name = endonym(code);
  return name ? { endonym: name, english: (LANGUAGE_NAMES as Record<string, { english: string }>)[code]!.english } : undefined;
}
