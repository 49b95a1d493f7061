// What the dashboard knows right now: who is signed in and the queue, kept current by the event stream.

import type { QueueRow } from '../../staff/queue';
import type { AccountView } from '../../staff/accounts';
import { compareQueueRows } from '../../staff/queue';

/** The signed-in account as /me and /login describe it. */
export type Me = AccountView;

export const state = {
  me: null as Me | null,
  rows: new Map<string, QueueRow>(),
  /** The conversation open on screen, if any. */
  selected: null as string | null,
  live: false,
  /** A supervisor asked to see demo conversations (the public try-the-bot page) too: `?demo=1` in the address. */
  showDemo: new URLSearchParams(location.search).get('demo') === '1',
  /** Languages the bot speaks, for the canned replies. */
  personLocales: ['en'] as string[],
};

/** The queue in the order the server ranks it (the same comparison the server's query makes). */
export function orderedRows(): QueueRow[] {
  return [...state.rows.values()].filter((row) => row.status === 'open' && (!row.demo || demoShown())).sort(compareQueueRows);
}

/** True when the signed-in person is at least `role`. */
export function can(role: 'agent' | 'supervisor' | 'admin'): boolean {
  const ranks = ['agent', 'supervisor', 'admin'];
  return state.me !== null && ranks.indexOf(state.me.role) >= ranks.indexOf(role);
}

/** Demo conversations are on screen: a supervisor asked for them. */
export function demoShown(): boolean {
  return state.showDemo && can('supervisor');
}
