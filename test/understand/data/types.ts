// The shape of the typed-answer tables: for each step, what must pick which choice, and what must not be taken as any.

/** An expected reading: a choice id, or `back` for "go back". */
export type Expected = string;

export interface StepAnswers {
  /** Typed answers that must be read as this choice (or `back`). */
  understood: Record<Expected, readonly string[]>;
  /** Typed answers that must not pick any choice: asked again or clarified. */
  notAChoice: readonly string[];
}

export type AnswerTable = Record<'role' | 'minor_at_capture' | 'age_now' | 'content' | 'threat' | 'has_copy', StepAnswers>;

/** Counts the answers of a table, for the "at least 40 per step" floor. */
export function countAnswers(step: StepAnswers): number {
  return Object.values(step.understood).reduce((n, list) => n + list.length, 0) + step.notAChoice.length;
}
