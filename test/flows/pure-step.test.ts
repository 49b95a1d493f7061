// The flow's own step (one scope, made once) gives exactly what XState's pure transition() gives, on every path of the intake's graph.

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { begin, COMMANDS, effectsOf, intakeMachine, step, STEPS, type FlowEvent, type FlowInput, type FlowSnapshot } from '../../flows/intake';

const persisted = (snapshot: FlowSnapshot) => JSON.stringify(intakeMachine.getPersistedSnapshot(snapshot));

describe('step and begin', () => {
  it('begin makes the snapshot initialTransition makes, for every kind of start', () => {
    const inputs: FlowInput[] = [{}, { locale: null }, { locale: 'th' }, { locale: 'es', cases: ['ACDE-FGHJ'] }, { locale: 'en', country: 'TH' }, { locale: 'pt', hint: 'pt-BR', localeNote: true }];
    for (const input of inputs) expect(persisted(begin(input)), JSON.stringify(input)).toBe(persisted(initialTransition(intakeMachine, input)[0]));
  });

  const ids = new Set<string>(COMMANDS);
  for (const spec of Object.values(STEPS)) for (const id of spec.choices) ids.add(id);
  const events: FlowEvent[] = [
    { type: 'TEXT', at: 1 },
    { type: 'RISK', at: 1 },
    { type: 'MEDIA', at: 1 },
    { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 1 },
    { type: 'HANDBACK', at: 1 },
    { type: 'COUNTRY', country: 'TH', at: 1 },
    ...[...ids].map((id): FlowEvent => ({ type: 'CHOICE', id, at: 1 })),
  ];
  const paths = getShortestPaths(intakeMachine, {
    input: { locale: null },
    events,
    serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.step}|${s.context.locale === null}|${s.context.cases.length > 0}`,
  });

  it('step gives transition()\'s next snapshot and effects after every event of every path, with the deadlines that fall due', () => {
    expect(paths.length).toBeGreaterThan(20);
    let compared = 0;
    let timeouts = 0;
    /** One event through both; the snapshots they lead to. */
    const both = (ours: FlowSnapshot, theirs: FlowSnapshot, event: FlowEvent): [FlowSnapshot, FlowSnapshot] => {
      const [next, effects] = step(ours, event);
      const [expected, actions] = transition(intakeMachine, theirs, event);
      expect(persisted(next), `${JSON.stringify(event)} at ${ours.context.step}`).toBe(persisted(expected));
      expect(effects).toEqual(effectsOf(actions));
      compared++;
      return [next, expected];
    };
    for (const path of paths) {
      let ours = begin({ locale: null });
      let theirs = initialTransition(intakeMachine, { locale: null })[0];
      for (const { event } of path.steps) {
        [ours, theirs] = both(ours, theirs, event);
        // Every deadline now set falling due, as a timer would deliver it; the path goes on from the event itself.
        for (const [name, dueAt] of Object.entries(ours.context.deadlines)) {
          both(ours, theirs, { type: 'TIMEOUT', name: name as never, dueAt: dueAt as number, at: dueAt as number });
          timeouts++;
        }
      }
    }
    expect(compared).toBeGreaterThan(paths.length);
    expect(timeouts).toBeGreaterThan(0);
  });
});
