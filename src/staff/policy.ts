// Who may do what to a conversation, given who holds it: pure rules, so every one is tested on its own.

import { atLeast } from './roles';

export type ConversationAction = 'takeover' | 'reply' | 'handback' | 'close' | 'note' | 'flag' | 'case_status' | 'assign' | 'whisper' | 'observe';

/** What the rules need to know of the conversation and of the person acting. */
export interface PolicyInput {
  action: ConversationAction;
  conversation: { status: string; held_by: string | null };
  actor: { id: string; role: string };
}

/** Why an action is refused: an HTTP status and a stable code. */
export interface Refusal {
  status: 403 | 409;
  code: string;
}

/**
 * Null when the action is allowed. Two people must never talk to one teen at once, so only the
 * holder replies; a supervisor may take a conversation from an agent (a shift ends, someone is stuck).
 */
export function refuse({ action, conversation, actor }: PolicyInput): Refusal | null {
  const mine = conversation.held_by === actor.id;
  const someoneElse = conversation.held_by !== null && !mine;
  const supervisor = atLeast(actor.role, 'supervisor');
  if (!atLeast(actor.role, 'agent')) return { status: 403, code: 'forbidden' };
  switch (action) {
    case 'takeover':
      if (conversation.status !== 'open') return { status: 409, code: 'closed' };
      if (mine) return { status: 409, code: 'already_yours' };
      if (someoneElse && !supervisor) return { status: 409, code: 'held_by_other' };
      return null;
    case 'reply':
      return mine ? null : { status: 409, code: 'take_over_first' };
    case 'handback':
      if (conversation.held_by === null) return { status: 409, code: 'not_held' };
      return mine || supervisor ? null : { status: 409, code: 'held_by_other' };
    case 'close':
      if (conversation.status !== 'open') return { status: 409, code: 'closed' };
      return !someoneElse || supervisor ? null : { status: 409, code: 'held_by_other' };
    // Handing work out, whispering to the person who holds it, and reading without being seen are a supervisor's.
    case 'assign':
      if (!supervisor) return { status: 403, code: 'forbidden' };
      return conversation.status === 'open' ? null : { status: 409, code: 'closed' };
    case 'whisper':
      if (!supervisor) return { status: 403, code: 'forbidden' };
      return conversation.held_by !== null && !mine ? null : { status: 409, code: 'not_held' };
    case 'observe':
      return supervisor ? null : { status: 403, code: 'forbidden' };
    case 'note':
    case 'flag':
    case 'case_status':
      return null;
  }
}
