// The Messenger messaging window: who may be written to now, and with which messaging_type.

import { PlatformError } from '../../core/errors';
import type { MessagingType } from './types';

/** Standard messaging: up to 24 hours after the person's last message. */
export const STANDARD_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The HUMAN_AGENT tag: a person on our team may answer up to 7 days after the person's last message. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Chooses the messaging_type for a message, or throws a held PlatformError when Messenger would
 * refuse it: the outbox then parks the message until the person writes again. The bot never uses
 * a tag; HUMAN_AGENT is only for staff replies, as Meta's policy says.
 * An unknown last-message time is sent as a response and left to Graph to judge.
 */
export function messagingTypeFor(lastInboundAt: number | null, fromStaff: boolean, now: number): MessagingType {
  if (lastInboundAt === null) return { messaging_type: 'RESPONSE' };
  const since = now - lastInboundAt;
  if (since <= STANDARD_WINDOW_MS) return { messaging_type: 'RESPONSE' };
  if (fromStaff && since <= HUMAN_AGENT_WINDOW_MS) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  throw new PlatformError(fromStaff ? 'outside the 7-day human agent window' : 'outside the 24-hour window', 0, { hold: true });
}
