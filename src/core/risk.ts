// TEMPORARY placeholder until the risk detector lands (being written now).
export type RiskKind = 'self_harm' | 'immediate_danger';
export interface RiskMatch { kind: RiskKind; locale: string }
export function detectRisk(text: string, _locale?: string | null): RiskMatch | null {
  return /kill myself|want to die|อยากตาย/i.test(text) ? { kind: 'self_harm', locale: 'en' } : null;
}
export const RISK_LOCALES: readonly string[] = ['en'];
