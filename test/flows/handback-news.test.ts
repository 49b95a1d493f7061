// The flow on hand-back from staff, on timers from an older scheduling, and on news between a question and its answer.

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { IDLE_TTL, effectsOf, intakeMachine, LINK_TTL, REMINDER_AFTER, STEPS, type Effect, type FlowEvent } from '../../flows/intake';

type Snapshot = ReturnType<typeof initialTransition<typeof intakeMachine>>[0];

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

const start = () => initialTransition(intakeMachine, { locale: 'en', cases: [] })[0];
const choice = (id: string, at = 0): FlowEvent => ({ type: 'CHOICE', id, at });
const keys = (out: Effect[]) => out.filter((e) => e.type === 'say').map((e) => (e as { key: string }).key);
const TO_HANDOFF = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'].map((id) => choice(id));
const waiting = () => run(start(), { type: 'TEXT', at: 0 }, ...TO_HANDOFF).snapshot;

describe('hand-back', () => {
  it('at the link step gives a fresh link, with its reminder and expiry counted from the hand-back', () => {
    const back = 3 * LINK_TTL;
    const { snapshot, out } = run(waiting(), { type: 'HANDBACK', at: back });
    expect(keys(out)).toEqual(['human.handback', 'handoff.link']);
    expect(out).toContainEqual({ type: 'schedule', name: 'reminder', at: back + REMINDER_AFTER });
    expect(out).toContainEqual({ type: 'schedule', name: 'link_expiry', at: back + LINK_TTL });
    expect(snapshot.context.deadlines).toEqual({ idle: back + IDLE_TTL, reminder: back + REMINDER_AFTER, link_expiry: back + LINK_TTL });
    // The old link's timers are stale now.
    expect(run(snapshot, { type: 'TIMEOUT', name: 'link_expiry', dueAt: LINK_TTL, at: back + 1 }).out).toEqual([]);
  });

  it('counts as activity: the idle week starts again', () => {
    const before = run(start(), { type: 'TEXT', at: 0 }, choice('role:self')).snapshot;
    const { snapshot, out } = run(before, { type: 'HANDBACK', at: IDLE_TTL + 5 });
    expect(keys(out)).toEqual(['human.handback', 'minor.ask']);
    expect(out).toContainEqual({ type: 'schedule', name: 'idle', at: 2 * IDLE_TTL + 5 });
    expect(run(snapshot, { type: 'TIMEOUT', name: 'idle', dueAt: IDLE_TTL, at: IDLE_TTL + 6 }).snapshot.context.step).toBe('minor_at_capture');
  });
});

describe('timers from an older scheduling', () => {
  it('leave the current deadline in place', () => {
    const renewed = run(waiting(), choice('handoff:new_link', 100)).snapshot;
    const stale = run(renewed, { type: 'TIMEOUT', name: 'reminder', dueAt: REMINDER_AFTER, at: REMINDER_AFTER });
    expect(stale.out).toEqual([]);
    const current = run(stale.snapshot, { type: 'TIMEOUT', name: 'reminder', dueAt: 100 + REMINDER_AFTER, at: 100 + REMINDER_AFTER });
    expect(keys(current.out)).toEqual(['handoff.reminder']);
  });
});

describe('case news', () => {
  it.each(['role', 'age_now', 'waiting', 'follow_up', 'confirm_withdraw'] as const)('at %s offers the step choices again', (step) => {
    const paths: Record<typeof step, FlowEvent[]> = {
      role: [],
      age_now: [choice('role:self'), choice('minor:yes')],
      waiting: TO_HANDOFF,
      follow_up: [...TO_HANDOFF, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 0 }],
      confirm_withdraw: [...TO_HANDOFF, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 0 }, choice('withdraw')],
    };
    const at = run(start(), { type: 'TEXT', at: 0 }, ...paths[step]).snapshot;
    expect(at.context.step).toBe(step);
    const { snapshot, out } = run(at, { type: 'CASE_STATUS', key: 'status.digest', params: { lines: '• news' }, at: 1 });
    expect(out).toEqual([{ type: 'say', key: 'status.digest', params: { lines: '• news' }, choices: STEPS[step].choices }]);
    expect(snapshot.context.step).toBe(step);
  });
});
