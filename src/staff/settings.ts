// The helpline's settings, edited in the dashboard: operating hours, how long each kind of data is kept, when a wait is too long.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { HoursError, parseHours, type HelplineHours } from '../core/hours';
import { StaffActionError } from './errors';
import type { RetentionDays } from '../engine/retention';

type Tx = Transaction<Database> | Kysely<Database>;

/** Days each kind of data is kept; the retention job enforces them. */
export type RetentionSettings = RetentionDays;

/** After this many minutes unanswered a waiting conversation raises the alert again. */
export interface WaitingSettings {
  alertAfterMinutes: number;
}

export interface Settings {
  hours: HelplineHours | null;
  retention: RetentionSettings;
  waiting: WaitingSettings;
}

export type SettingKey = keyof Settings;
export const SETTING_KEYS: readonly SettingKey[] = ['hours', 'retention', 'waiting'];

/** What a helpline gets before anyone changes it: always open, the transcript kept 30 days (TRANSCRIPT_RETENTION_DAYS), notes a year, the audit log two years. */
export function defaultSettings(transcriptDays = 30): Settings {
  return {
    hours: null,
    retention: { transcriptDays, notesDays: 365, auditDays: 730, closedCaseLinkDays: 365 },
    waiting: { alertAfterMinutes: 5 },
  };
}

const RETENTION_LIMITS: Record<keyof RetentionSettings, [number, number]> = {
  transcriptDays: [1, 3650],
  notesDays: [1, 3650],
  // A supervisor must be able to look back at least a quarter.
  auditDays: [90, 3650],
  closedCaseLinkDays: [1, 3650],
};

/** Checks one setting's new value; throws StaffActionError(400) naming the field. */
export function parseSetting(key: string, value: unknown): Settings[SettingKey] {
  if (key === 'hours') {
    if (value === null) return null;
    try {
      return parseHours(value);
    } catch (error) {
      if (error instanceof HoursError) throw new StaffActionError(400, 'invalid_hours', error.message);
      throw error;
    }
  }
  const object = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (key === 'retention') {
    const out = {} as RetentionSettings;
    for (const [field, [min, max]] of Object.entries(RETENTION_LIMITS) as [keyof RetentionSettings, [number, number]][]) {
      const n = object[field];
      if (!Number.isInteger(n) || (n as number) < min || (n as number) > max) throw new StaffActionError(400, 'invalid_retention', `${field}: whole days from ${min} to ${max}`);
      out[field] = n as number;
    }
    return out;
  }
  if (key === 'waiting') {
    const n = object.alertAfterMinutes;
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 240) throw new StaffActionError(400, 'invalid_waiting', 'alertAfterMinutes: 1 to 240');
    return { alertAfterMinutes: n as number };
  }
  throw new StaffActionError(404, 'not_found', `no setting ${key}`);
}

/** Every setting, stored values over the defaults. A stored value that no longer parses is ignored, not fatal. */
export async function readSettings(db: Tx, defaults: Settings = defaultSettings()): Promise<Settings> {
  const rows = await db.selectFrom('helpline_settings').select(['key', 'value']).execute();
  const settings = { ...defaults };
  for (const row of rows) {
    if (!(SETTING_KEYS as readonly string[]).includes(row.key)) continue;
    try {
      (settings as Record<string, unknown>)[row.key] = parseSetting(row.key, JSON.parse(row.value));
    } catch {
      // a hand-edited row: the default stands
    }
  }
  return settings;
}

/** Stores one setting (already parsed). */
export async function writeSetting(tx: Tx, key: SettingKey, value: unknown, at: number, by: string): Promise<void> {
  const json = JSON.stringify(value);
  await tx
    .insertInto('helpline_settings')
    .values({ key, value: json, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: by }))
    .execute();
}
