// How the dashboard writes times, waits, steps and flags in the staff member's language.

import type { QueueRow } from '../../staff/queue';
import { has, language, t } from '../shared/i18n';

/** "just now", "12 min", "1 h 5 min", "3 d". */
export function waited(since: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 1) return t('time.now');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.hours', { count: hours, minutes: minutes % 60 });
  return t('time.days', { count: Math.floor(hours / 24) });
}

/** A date and time in the staff member's language and time zone. */
export function when(at: number): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Time of day only, for transcript lines. */
export function clock(at: number): string {
  return new Intl.DateTimeFormat(language(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

export function stepName(step: string): string {
  return has(`step.${step}`) ? t(`step.${step}`) : step;
}

export function channelName(channel: string): string {
  return has(`channel.${channel}`) ? t(`channel.${channel}`) : channel;
}

/** The language a person speaks, named in the staff member's language. */
export function personLanguage(locale: string | null): string {
  if (!locale) return '—';
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

export type Row = QueueRow;
