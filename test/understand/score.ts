// Prints how the typed-answer tables are read, before (exact labels and numbers) and now: understood / wrong / re-asked.
// Run: npx tsx test/understand/score.ts

import { createTranslator } from '../../src/engine/i18n';
import { de } from './data/de';
import { en } from './data/en';
import { es } from './data/es';
import { fr } from './data/fr';
import { id } from './data/id';
import { is } from './data/is';
import { it } from './data/it';
import { nl } from './data/nl';
import { pt } from './data/pt';
import { th } from './data/th';
import { tl } from './data/tl';
import { tr } from './data/tr';
import { vi } from './data/vi';
import { holdout } from './data/holdout';
import { SCRIPT_TABLES } from './data/scripts';
import type { AnswerTable } from './data/types';
import { cases, newReading, oldReading } from './harness';

const translator = await createTranslator();
const TABLES: Record<string, AnswerTable> = { en, th, es, fr, de, nl, it, pt, is, id, vi, tl, tr, ...SCRIPT_TABLES };

interface Tally { total: number; answers: number; understood: number; wrong: number; reasked: number; reaskedOk: number }
const empty = (): Tally => ({ total: 0, answers: 0, understood: 0, wrong: 0, reasked: 0, reaskedOk: 0 });

function tally(read: (step: Parameters<typeof oldReading>[1], text: string) => string, table: AnswerTable): Tally {
  const t = empty();
  for (const { step, text, expected } of cases(table)) {
    const got = read(step, text);
    t.total++;
    if (expected !== 'reask') t.answers++;
    if (got === 'reask') {
      t.reasked++;
      if (expected === 'reask') t.reaskedOk++;
    } else if (got === expected) t.understood++;
    else t.wrong++;
  }
  return t;
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1).padStart(5)} %`;
const line = (name: string, t: Tally) =>
  `${name.padEnd(14)} answers understood ${pct(t.understood, t.answers)}   wrong ${pct(t.wrong, t.total)}   re-asked ${pct(t.reasked, t.total)} (of which rightly ${t.reaskedOk})   n=${t.total}`;

const sum = { old: empty(), now: empty() };
for (const [lng, table] of Object.entries(TABLES)) {
  const old = tally((step, text) => oldReading(translator, step, text), table);
  const now = tally((step, text) => newReading(translator, step, text).got, table);
  console.log(line(`${lng} before`, old));
  console.log(line(`${lng} now`, now));
  for (const k of Object.keys(sum.old) as (keyof Tally)[]) {
    sum.old[k] += old[k];
    sum.now[k] += now[k];
  }
}
console.log(line('all before', sum.old));
console.log(line('all now', sum.now));

// Answers written after the lexicons and never used to tune them.
const held = { old: empty(), now: empty() };
for (const table of Object.values(holdout)) {
  const old = tally((step, text) => oldReading(translator, step, text), table);
  const now = tally((step, text) => newReading(translator, step, text).got, table);
  for (const k of Object.keys(held.old) as (keyof Tally)[]) {
    held.old[k] += old[k];
    held.now[k] += now[k];
  }
}
console.log(line('held-out before', held.old));
console.log(line('held-out now', held.now));
