// The shape of one language's risk examples: what must raise crisis contacts and what must not.

import type { RiskKind } from '../../../src/core/risk';

export interface RiskExamples {
  /** Messages a teen in that language might send that must bring crisis contacts. */
  must: ReadonlyArray<readonly [text: string, kind: RiskKind]>;
  /** Everyday idioms and ordinary case talk that must not. */
  mustNot: readonly string[];
}

export const selfHarm = (...texts: string[]) => texts.map((text) => [text, 'self_harm'] as const);
export const danger = (...texts: string[]) => texts.map((text) => [text, 'immediate_danger'] as const);
