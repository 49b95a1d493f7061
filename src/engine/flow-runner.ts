// Running the flow: a conversation's stored snapshot restored, an event passed through it purely, the next snapshot persisted.

import { begin, FLOW_VERSION, intakeMachine, step, type Effect, type FlowContext, type FlowEvent, type FlowInput, type FlowSnapshot } from '../../flows/intake';

/** What the runner needs of a stored conversation. */
export interface StoredFlow {
  snapshot: string;
  flow_version: number;
  locale: string | null;
}

/** A new conversation's flow, before its first event. */
export function initialSnapshot(input: FlowInput): FlowSnapshot {
  return begin(input);
}

/** Persisted starting snapshots, by what they start from: the platforms' language hints are few. */
const starts = new Map<string, string>();

/** A new conversation's flow as stored: the same for the same start, so made once per start (the hint is at most 35 characters). */
export function startingSnapshot(input: FlowInput): string {
  const key = JSON.stringify([input.locale ?? null, input.localeNote ?? null, input.hint ?? null, input.cases ?? null, input.country ?? null]);
  let stored = starts.get(key);
  if (stored === undefined) {
    stored = persistFlow(initialSnapshot(input))!;
    if (starts.size >= 256) starts.clear();
    starts.set(key, stored);
  }
  return stored;
}

/**
 * Flows by their stored text, most recently used last: the snapshot an event left (or a new
 * conversation started with) is the one its next event would restore from that text, so it is
 * handed back instead of parsed and restored again. XState's transitions are pure and the
 * contexts kept here are frozen, so a snapshot kept here is never changed by the events that
 * start from it. Bounded: a snapshot is a few kilobytes in memory.
 */
const restored = new Map<string, FlowSnapshot>();
const RESTORED_MAX = 2048;

function remember(text: string, snapshot: FlowSnapshot): void {
  // Taken out and put back last; a new text lets the least recently used go when full.
  if (!restored.delete(text) && restored.size >= RESTORED_MAX) restored.delete(restored.keys().next().value!);
  deepFreeze(snapshot.context);
  restored.set(text, snapshot);
}

/** Freezes a value, its arrays and objects included: anything that would change it in place throws. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/**
 * Restores a conversation's flow. A snapshot of another flow version restarts at welcome,
 * keeping language and cases. Snapshots stored while effects still travelled in the context
 * carry an empty `out`; it is dropped, and the person stays where they were.
 */
export function restoreFlow(stored: StoredFlow): FlowSnapshot {
  const known = stored.flow_version === FLOW_VERSION ? restored.get(stored.snapshot) : undefined;
  if (known) return known;
  let persisted: { context?: Partial<FlowContext> & { out?: unknown } } | null = null;
  try {
    persisted = JSON.parse(stored.snapshot);
  } catch {
    persisted = null;
  }
  if (stored.flow_version !== FLOW_VERSION || !persisted?.context) {
    const cases = Array.isArray(persisted?.context?.cases) ? persisted.context.cases : [];
    return initialSnapshot({ locale: stored.locale, cases });
  }
  // Parsed just now and ours alone: the old `out` is dropped in place (an object rest copy takes a slow path on Node 20).
  if ('out' in persisted.context) delete persisted.context.out;
  // The intake has no child actors, so restoring needs no running actor around it.
  const snapshot = intakeMachine.restoreSnapshot(persisted as never, undefined as never) as FlowSnapshot;
  remember(stored.snapshot, snapshot);
  return snapshot;
}

/** One event through the flow: the next snapshot and the effects to carry out. */
export function runFlow(snapshot: FlowSnapshot, event: FlowEvent): [FlowSnapshot, Effect[]] {
  return step(snapshot, event);
}

/** The snapshot as stored, or null once the flow has ended (the conversation was erased). */
export function persistFlow(snapshot: FlowSnapshot): string | null {
  if (snapshot.status !== 'active') return null;
  const text = JSON.stringify(persisted(snapshot));
  remember(text, snapshot);
  return text;
}

/**
 * What XState's `getPersistedSnapshot` makes of an intake snapshot, in the same order: the
 * intake has no child actors and no actor in its context, so its context is kept as it is and
 * its history states are stored by node id. Written out because XState's own takes an object
 * rest and spread, slow on Node 20; the flow-runner test holds the two to the same text, event
 * by event, so an XState upgrade that stores more fails there first.
 */
function persisted(snapshot: FlowSnapshot) {
  const history: Record<string, { id: string }[]> = {};
  for (const key in snapshot.historyValue) {
    const nodes = snapshot.historyValue[key];
    if (Array.isArray(nodes)) history[key] = nodes.map((node) => ({ id: node.id }));
  }
  return { status: snapshot.status, output: snapshot.output, error: snapshot.error, value: snapshot.value, historyValue: history, context: snapshot.context, children: {} };
}
