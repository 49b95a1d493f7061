// The flow's stored snapshots: what is kept, what older shapes become, where the person stands after a restore, and the flows kept by their stored text.

import { describe, expect, it } from 'vitest';
import { FLOW_VERSION, intakeMachine, type FlowEvent } from '../../flows/intake';
import { initialSnapshot, persistFlow, restoreFlow, runFlow, startingSnapshot } from '../../src/engine/flow-runner';

const choice = (id: string): FlowEvent => ({ type: 'CHOICE', id, at: 1 });

function walk(...events: FlowEvent[]) {
  let snapshot = initialSnapshot({ locale: 'en' });
  for (const event of events) [snapshot] = runFlow(snapshot, event);
  return snapshot;
}

describe('stored flow snapshots', () => {
  it('carry no effects, and restore where the person stood', () => {
    const stored = persistFlow(walk({ type: 'TEXT', at: 1 }, choice('role:self'), choice('minor:yes')))!;
    expect(JSON.parse(stored).context).not.toHaveProperty('out');
    const restored = restoreFlow({ snapshot: stored, flow_version: FLOW_VERSION, locale: 'en' });
    expect(restored.context.step).toBe('age_now');
    const [, effects] = runFlow(restored, choice('age:13_15'));
    expect(effects.filter((e) => e.type === 'say').map((e) => (e as { key: string }).key)).toEqual(['content.ask']);
  });

  it('from before effects left the context keep the person where they were, history included', () => {
    // Shaped as stored until now: the context held an emptied `out`.
    const old = JSON.parse(persistFlow(walk({ type: 'TEXT', at: 1 }, choice('role:self'), { type: 'CHOICE', id: 'language', at: 2 }))!);
    old.context.out = [];
    const restored = restoreFlow({ snapshot: JSON.stringify(old), flow_version: FLOW_VERSION, locale: 'en' });
    expect(restored.context).not.toHaveProperty('out');
    expect(restored.context.step).toBe('language');
    // Choosing a language mid-conversation returns to the open question through the history state.
    const [after, effects] = runFlow(restored, choice('lang:es'));
    expect(after.context.step).toBe('minor_at_capture');
    expect(effects.filter((e) => e.type === 'say').map((e) => (e as { key: string }).key)).toEqual(['minor.ask']);
  });

  it('of another flow version restart at welcome, keeping language and cases', () => {
    const restored = restoreFlow({ snapshot: JSON.stringify({ value: 'gone', context: { cases: ['ACDE-FGHJ'] } }), flow_version: FLOW_VERSION + 99, locale: 'th' });
    expect(restored.context).toMatchObject({ step: 'new', locale: 'th', cases: ['ACDE-FGHJ'] });
  });

  it('end with the flow: an erased conversation stores nothing', () => {
    const erased = walk({ type: 'TEXT', at: 1 }, choice('delete'), choice('delete:confirm'));
    expect(persistFlow(erased)).toBeNull();
  });

  it('are handed back for the text an event stored, frozen, and behave as a fresh restore of that text', () => {
    const events: FlowEvent[] = [{ type: 'TEXT', at: 1 }, choice('role:self'), { type: 'BACK', at: 2 }, choice('role:helper'), choice('language'), choice('lang:es'), choice('minor:yes'), choice('age:13_15')];
    let text = startingSnapshot({ locale: 'en' });
    for (const event of events) {
      const kept = restoreFlow({ snapshot: text, flow_version: FLOW_VERSION, locale: 'en' });
      // The same text with other spacing is not kept: restored afresh from the JSON.
      const fresh = restoreFlow({ snapshot: JSON.stringify(JSON.parse(text), null, 1), flow_version: FLOW_VERSION, locale: 'en' });
      expect(kept).not.toBe(fresh);
      expect(Object.isFrozen(kept.context)).toBe(true);
      const before = JSON.stringify(kept.context);
      const [fromKept, keptEffects] = runFlow(kept, event);
      const [fromFresh, freshEffects] = runFlow(fresh, event);
      expect(keptEffects).toEqual(freshEffects);
      expect(persistFlow(fromKept)).toBe(persistFlow(fromFresh));
      // Stored exactly as XState's own persistence would store it.
      expect(persistFlow(fromKept)).toBe(JSON.stringify(intakeMachine.getPersistedSnapshot(fromKept)));
      // Stepping left the kept snapshot as it was; the next event starts from the one it stored.
      expect(JSON.stringify(kept.context)).toBe(before);
      text = persistFlow(fromKept)!;
      expect(restoreFlow({ snapshot: text, flow_version: FLOW_VERSION, locale: 'en' })).toBe(fromKept);
    }
    expect(JSON.parse(text).context.step).toBe('content');
  });
});
