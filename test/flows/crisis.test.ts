// The crisis pause and the country question, through XState's pure transition(): exits, returns, helper wording.

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { effectsOf, intakeMachine, type Effect, type FlowEvent } from '../../flows/intake';

type Snapshot = ReturnType<typeof initialTransition<typeof intakeMachine>>[0];

const start = (locale: string | null = 'en', country: string | null = null): Snapshot => initialTransition(intakeMachine, { locale, cases: [], country })[0];

function run(snapshot: Snapshot, ...events: FlowEvent[]): { snapshot: Snapshot; out: Effect[] } {
  let current = snapshot;
  let out: Effect[] = [];
  for (const event of events) {
    const [next, actions] = transition(intakeMachine, current, event);
    current = next;
    out = effectsOf(actions);
  }
  return { snapshot: current, out };
}

const choice = (id: string, at = 1): FlowEvent => ({ type: 'CHOICE', id, at });
const text = (at = 1): FlowEvent => ({ type: 'TEXT', at });
const risk = (kind: 'self_harm' | 'immediate_danger' = 'self_harm'): FlowEvent => ({ type: 'RISK', kind, at: 2 });
const says = (out: Effect[]) => out.filter((e): e is Extract<Effect, { type: 'say' }> => e.type === 'say');
const keys = (out: Effect[]) => says(out).map((e) => e.key);
const flagEffects = (out: Effect[]) => out.filter((e): e is Extract<Effect, { type: 'flag' }> => e.type === 'flag');

/** At the threat question, country known, so no country question interferes. */
const atThreat = (country: string | null = 'US') => run(start('en', country), text(), choice('role:self'), choice('minor:yes'), choice('age:13_15'), choice('content:yes')).snapshot;

describe('crisis pause', () => {
  it('sends contacts at once, flags urgent with the reason, and asks: a person now, or carry on', () => {
    const { snapshot, out } = run(atThreat(), risk('immediate_danger'));
    expect(keys(out)).toEqual(['risk.crisis', 'crisis.ask']);
    expect(says(out)[0]!.contacts).toBe('crisis');
    expect(says(out)[1]!.choices).toEqual(['crisis:person', 'crisis:continue']);
    expect(flagEffects(out)).toEqual([{ type: 'flag', flag: 'urgent', reason: 'immediate_danger' }]);
    expect(snapshot.context.step).toBe('crisis');
  });

  it('"talk to a person now" flags human (urgent is already set) and then returns to the step, asking it again', () => {
    const paused = run(atThreat(), risk()).snapshot;
    const { snapshot, out } = run(paused, choice('crisis:person'));
    expect(flagEffects(out).map((f) => f.flag)).toEqual(['human']);
    expect(keys(out)).toEqual(['human.queued', 'threat.ask']);
    expect(snapshot.context.step).toBe('threat');
  });

  it('the HELP command at the pause means the same as "talk to a person now"', () => {
    const paused = run(atThreat(), risk()).snapshot;
    const { out } = run(paused, choice('human'));
    expect(flagEffects(out).map((f) => f.flag)).toEqual(['human']);
    expect(keys(out)).toEqual(['human.queued', 'threat.ask']);
  });

  it('"I\'m safe, carry on" goes back to the same step and asks it again', () => {
    const paused = run(atThreat(), risk()).snapshot;
    const { snapshot, out } = run(paused, choice('crisis:continue'));
    expect(keys(out)).toEqual(['crisis.continue', 'threat.ask']);
    expect(snapshot.context.step).toBe('threat');
    // The answer to the re-asked question moves on as usual.
    expect(run(snapshot, choice('threat:no')).snapshot.context.step).toBe('has_copy');
  });

  it('never says "sorry, I didn\'t get that" at the pause: free text gets a gentle re-ask', () => {
    const paused = run(atThreat(), risk()).snapshot;
    const { snapshot, out } = run(paused, text(), text(), text());
    expect(keys(out)).toEqual(['crisis.reask']);
    expect(keys(out)).not.toContain('common.not_understood');
    expect(snapshot.context.step).toBe('crisis');
  });

  it('a second risk message during the pause sends contacts again and keeps the place to return to', () => {
    const paused = run(atThreat(), risk()).snapshot;
    const again = run(paused, risk('immediate_danger'));
    expect(keys(again.out)).toEqual(['risk.crisis', 'crisis.reask']);
    expect(flagEffects(again.out)).toEqual([{ type: 'flag', flag: 'urgent', reason: 'immediate_danger' }]);
    expect(run(again.snapshot, choice('crisis:continue')).snapshot.context.step).toBe('threat');
  });

  it('a risk message as the very first message pauses, and carrying on greets', () => {
    const paused = run(start(), risk());
    expect(keys(paused.out)).toEqual(['risk.crisis', 'crisis.ask']);
    const { snapshot, out } = run(paused.snapshot, choice('crisis:continue'), choice('country:skip'));
    expect(keys(out)).toEqual(['country.thanks', 'welcome.intro', 'role.ask']);
    expect(snapshot.context.step).toBe('role');
  });

  it('words the pause for a helper', () => {
    const helper = run(start('en', 'US'), text(), choice('role:helper')).snapshot;
    const { out } = run(helper, risk());
    expect(says(out)[1]).toMatchObject({ key: 'crisis.ask', params: { context: 'helper' } });
  });
});

describe('country question', () => {
  it('is asked once, after the pause, when the country is not known; the answer gives that country\'s contacts', () => {
    const paused = run(atThreat(null), risk()).snapshot;
    const asked = run(paused, choice('crisis:continue'));
    expect(keys(asked.out)).toEqual(['crisis.continue', 'country.ask']);
    expect(says(asked.out)[1]!.choices).toEqual(['country:US', 'country:GB', 'country:IN', 'country:AU', 'country:other', 'country:skip']);
    const answered = run(asked.snapshot, choice('country:TH'));
    expect(keys(answered.out)).toEqual(['contacts.for_country', 'threat.ask']);
    expect(says(answered.out)[0]!.contacts).toBe('crisis');
    expect(answered.snapshot.context.country).toBe('TH');
    // Never again.
    const later = run(answered.snapshot, risk(), choice('crisis:continue'));
    expect(keys(later.out)).not.toContain('country.ask');
  });

  it('"prefer not to say" moves on with international contacts, never silence', () => {
    const paused = run(atThreat(null), risk()).snapshot;
    const { snapshot, out } = run(paused, choice('crisis:person'), choice('country:skip'));
    expect(keys(out)).toEqual(['country.thanks', 'threat.ask']);
    expect(snapshot.context.country).toBe('ZZ');
  });

  it('offers likely countries for the chat language', () => {
    const th = run(start('th'), risk(), choice('crisis:continue'));
    expect(says(th.out).at(-1)!.choices).toEqual(['country:TH', 'country:other', 'country:skip']);
    const es = run(start('es'), risk(), choice('crisis:continue'));
    expect(says(es.out).at(-1)!.choices).toEqual(['country:MX', 'country:ES', 'country:US', 'country:other', 'country:skip']);
  });

  it('takes a channel\'s country signal silently, so the question is never asked', () => {
    const { snapshot, out } = run(start('en'), { type: 'COUNTRY', country: 'TH', at: 1 });
    expect(out).toEqual([]);
    expect(snapshot.context.country).toBe('TH');
    expect(keys(run(snapshot, risk(), choice('crisis:continue')).out)).not.toContain('country.ask');
  });
});

describe('helper wording', () => {
  it('gives the under-13 advice to a helper in the helper wording, about the child', () => {
    const self = run(start(), text(), choice('role:self'), choice('minor:yes'), choice('age:under13'));
    expect(says(self.out).find((e) => e.key === 'age.under13')!.params).toBeUndefined();
    const helper = run(start(), text(), choice('role:helper'), choice('minor:yes'), choice('age:under13'));
    expect(says(helper.out).find((e) => e.key === 'age.under13')!.params).toEqual({ context: 'helper' });
  });

  it('gives the sextortion advice to a helper in the helper wording', () => {
    const helper = run(start('en', 'US'), text(), choice('role:helper'), choice('minor:yes'), choice('age:13_15'), choice('content:yes'), choice('threat:yes'));
    expect(says(helper.out).find((e) => e.key === 'sextortion.advice')!.params).toEqual({ context: 'helper' });
  });
});
