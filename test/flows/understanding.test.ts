// The flow's side of typed answers: going back, clarifying questions, the re-ask ladder, and disclosures heard at any step.

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { intakeMachine, LINK_TTL, REMINDER_AFTER, shownChoices, type Effect, type FlowEvent } from '../../flows/intake';

type Snapshot = ReturnType<typeof initialTransition<typeof intakeMachine>>[0];

function run(snapshot: Snapshot, ...events: FlowEvent[]): { snapshot: Snapshot; out: Effect[] } {
  let current = snapshot;
  for (const event of events) {
    current = { ...current, context: { ...current.context, out: [] } } as Snapshot;
    [current] = transition(intakeMachine, current, event);
  }
  return { snapshot: current, out: current.context.out };
}

const start = () => initialTransition(intakeMachine, { locale: 'en', cases: [] })[0];
const choice = (id: string, extra: { disclosed?: boolean } = {}): FlowEvent => ({ type: 'CHOICE', id, at: 1, ...extra });
const text = (extra: { heard?: string; disclosed?: boolean } = {}): FlowEvent => ({ type: 'TEXT', at: 1, ...extra });
const back: FlowEvent = { type: 'BACK', at: 1 };
const says = (out: Effect[]) => out.filter((e): e is Extract<Effect, { type: 'say' }> => e.type === 'say');
const keys = (out: Effect[]) => says(out).map((e) => e.key);
const flags = (out: Effect[]) => out.filter((e) => e.type === 'flag').map((e) => (e as { flag: string }).flag);
const at = (...ids: string[]) => run(start(), text(), ...ids.map((id) => choice(id))).snapshot;

describe('going back', () => {
  it('returns to the previous question and asks it again, step by step, until the first', () => {
    const once = run(at('role:self', 'minor:yes'), back);
    expect(once.snapshot.context.step).toBe('minor_at_capture');
    expect(keys(once.out)).toEqual(['back.ok', 'minor.ask']);
    const twice = run(once.snapshot, back);
    expect(twice.snapshot.context.step).toBe('role');
    const none = run(twice.snapshot, back);
    expect(none.snapshot.context.step).toBe('role');
    expect(keys(none.out)).toEqual(['back.none', 'role.ask']);
  });

  it('takes a mistaken "no, 18 or older" back from the adult route', () => {
    const adult = at('role:self', 'minor:no');
    expect(adult.context.step).toBe('adult_route');
    const { snapshot } = run(adult, back);
    expect(snapshot.context.step).toBe('minor_at_capture');
    expect(run(snapshot, choice('minor:yes')).snapshot.context.step).toBe('age_now');
  });

  it('from the link step cancels the link timers and asks about the copy again', () => {
    const waiting = at('role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes');
    expect(waiting.context.deadlines.reminder).toBe(1 + REMINDER_AFTER);
    expect(waiting.context.deadlines.link_expiry).toBe(1 + LINK_TTL);
    const { snapshot, out } = run(waiting, back);
    expect(snapshot.context.step).toBe('has_copy');
    expect(out).toContainEqual({ type: 'cancel', name: 'reminder' });
    expect(out).toContainEqual({ type: 'cancel', name: 'link_expiry' });
    expect(snapshot.context.deadlines.reminder).toBeUndefined();
  });

  it('is not confused by a language change or a restart', () => {
    const changed = run(at('role:self', 'minor:yes'), choice('language'), choice('lang:th')).snapshot;
    expect(changed.context.step).toBe('age_now');
    expect(run(changed, back).snapshot.context.step).toBe('minor_at_capture');
    const restarted = run(at('role:self', 'minor:yes'), choice('restart')).snapshot;
    expect(run(restarted, back).snapshot.context.step).toBe('role');
  });

  it('cancels a pending erase, and greets when nothing is open', () => {
    const confirm = run(at('role:self'), choice('delete')).snapshot;
    const { snapshot, out } = run(confirm, back);
    expect(keys(out)[0]).toBe('delete.cancelled');
    expect(snapshot.context.step).toBe('minor_at_capture');
    expect(keys(run(start(), back).out)).toEqual(['welcome.intro', 'role.ask']);
  });
});

describe('re-asks that help', () => {
  it('says what it did not catch and numbers the choices the second time, and offers a person the third', () => {
    const first = run(at(), text({ heard: 'ok lol' }));
    expect(keys(first.out)).toEqual(['common.not_understood', 'role.ask']);
    const second = run(first.snapshot, text({ heard: 'hmm' }));
    expect(keys(second.out)).toEqual(['reask.didnt_catch', 'role.ask']);
    expect(says(second.out)[0]!.params).toEqual({ heard: 'hmm' });
    expect(says(second.out)[1]).toMatchObject({ choices: ['role:self', 'role:helper'], numbered: true });
    const third = run(second.snapshot, text());
    expect(keys(third.out)).toEqual(['reask.offer_person', 'role.ask']);
    expect(says(third.out)[1]).toMatchObject({ choices: ['role:self', 'role:helper', 'human'], numbered: true });
    expect(shownChoices(third.snapshot.context)).toEqual(['role:self', 'role:helper', 'human']);
    expect(shownChoices(second.snapshot.context)).toEqual(['role:self', 'role:helper']);
  });

  it('says "that" when there were no words to quote (a sticker, a long message)', () => {
    const second = run(at(), text(), text());
    expect(keys(second.out)).toEqual(['reask.didnt_catch_plain', 'role.ask']);
  });

  it('meets an unclear answer with a clarifying question and the choices numbered, not a guess', () => {
    const before = at('role:self');
    const { snapshot, out } = run(before, { type: 'UNCLEAR', heard: 'yes and no', at: 2 });
    expect(snapshot.context.step).toBe('minor_at_capture');
    expect(keys(out)).toEqual(['reask.clarify', 'minor.ask']);
    expect(says(out)[0]!.params).toEqual({ heard: 'yes and no' });
    expect(says(out)[1]).toMatchObject({ choices: ['minor:yes', 'minor:no', 'minor:unsure'], numbered: true });
    expect(snapshot.context.retries).toBe(1);
  });
});

describe('disclosures', () => {
  const threat = () => at('role:self', 'minor:yes', 'age:13_15', 'content:yes');

  it('at the threat question: thanks them first, flags sextortion once, gives the advice', () => {
    const { snapshot, out } = run(threat(), choice('threat:yes', { disclosed: true }));
    // Where they live is not known yet, so the country question comes before the copy question.
    expect(snapshot.context.step).toBe('country');
    expect(keys(out)).toEqual(['threat.thanks', 'sextortion.advice', 'contacts.all', 'country.ask']);
    expect(flags(out)).toEqual(['sextortion']);
  });

  it('typed at another question: flags sextortion, thanks them and asks the same question again', () => {
    const content = at('role:self', 'minor:yes', 'age:13_15');
    const { snapshot, out } = run(content, text({ disclosed: true }));
    expect(snapshot.context.step).toBe('content');
    expect(flags(out)).toEqual(['sextortion']);
    expect(keys(out)).toEqual(['disclosure.heard', 'content.ask']);
    expect(snapshot.context.retries).toBe(0);
  });

  it('said with an answer: flags sextortion and the answer still counts', () => {
    const content = at('role:self', 'minor:yes', 'age:13_15');
    const { snapshot, out } = run(content, choice('content:yes', { disclosed: true }));
    expect(snapshot.context.step).toBe('threat');
    expect(flags(out)).toEqual(['sextortion']);
  });
});

describe('a disclosure as the very first message', () => {
  it('greets as usual and flags sextortion for staff', () => {
    const { snapshot, out } = run(start(), text({ disclosed: true }));
    expect(snapshot.context.step).toBe('role');
    expect(flags(out)).toEqual(['sextortion']);
  });
});
