// Which languages Reclaim speaks, and how a platform's locale hint maps onto them.

/** Languages with complete resources in `locales/`. The first is the fallback. */
export const SUPPORTED_LOCALES = ['en', 'th', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Maps a platform hint (`th`, `th-TH`, `th_TH`, `es-419`) to a supported locale, or null. */
export function resolveLocale(hint: string | null | undefined): Locale | null {
  if (!hint) return null;
  const base = hint.replace('_', '-').split('-')[0]?.toLowerCase() ?? '';
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? (base as Locale) : null;
}
