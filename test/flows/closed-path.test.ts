// A request for a person while the team is off shift, through XState's pure transition(): told when, crisis lines, a message kept.

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { effectsOf, intakeMachine, type Effect, type FlowEvent } from '../../flows/intake';

type Snapshot = ReturnType<typeof initialTransition<typeof intakeMachine>>[0];

const start = (): Snapshot => initialTransition(intakeMachine, { locale: 'en', cases: [], country: 'TH' })[0];

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

const AWAY = { back: 'Friday 08:00 GMT+7' };
const says = (out: Effect[]) => out.filter((e): e is Extract<Effect, { type: 'say' }> => e.type === 'say');
const atRole = () => run(start(), { type: 'TEXT', at: 1 }).snapshot;

describe('asking for a person off shift', () => {
  it('says when the team is back with the crisis lines, raises the flag, and stays at the same question', () => {
    const { snapshot, out } = run(atRole(), { type: 'CHOICE', id: 'human', at: 2, away: AWAY });
    expect(says(out).map((s) => [s.key, s.params, s.contacts])).toEqual([['human.closed', { back: AWAY.back }, 'crisis']]);
    expect(out).toContainEqual({ type: 'flag', flag: 'human' });
    expect(snapshot.context).toMatchObject({ step: 'role', leavingMessage: true });
  });

  it('keeps what the person writes next as their message, thanks them once, and then carries on as before', () => {
    const closed = run(atRole(), { type: 'CHOICE', id: 'human', at: 2, away: AWAY }).snapshot;
    const kept = run(closed, { type: 'MESSAGE_LEFT', at: 3 });
    expect(kept.out.map((e) => e.type)).toEqual(['message_left', 'say']);
    expect(says(kept.out)[0]!.key).toBe('human.message_kept');
    expect(kept.snapshot.context.leavingMessage).toBe(false);
    const after = run(kept.snapshot, { type: 'CHOICE', id: 'role:self', at: 4 });
    expect(after.snapshot.context.step).toBe('minor_at_capture');
  });

  it('gives someone in danger the crisis lines twice over: at the alarm, and with the hours when they ask for a person', () => {
    const paused = run(atRole(), { type: 'RISK', kind: 'self_harm', at: 2 });
    expect(says(paused.out)[0]).toMatchObject({ key: 'risk.crisis', contacts: 'crisis' });
    const { out } = run(paused.snapshot, { type: 'CHOICE', id: 'crisis:person', at: 3, away: AWAY });
    expect(says(out)[0]).toMatchObject({ key: 'human.closed', contacts: 'crisis' });
  });

  it('on shift says a person will answer, as before', () => {
    const { snapshot, out } = run(atRole(), { type: 'CHOICE', id: 'human', at: 2 });
    expect(says(out).map((s) => s.key)).toEqual(['human.queued']);
    expect(snapshot.context.leavingMessage).toBeUndefined();
  });
});
