// The bot logic of an inbound turn: the botbuilder Activity a Messenger event became, as one InboundEvent.

import { ActivityTypes, type Activity } from 'botbuilder';
import type { InboundEvent } from '../../core/events';
import { countryFromLocale } from '../../core/contacts/country';

/** Attachment types that are a picture or a film of something: answered with the no-images message. */
const MEDIA_TYPES = new Set(['image', 'video']);

/**
 * The bot logic's view of an Activity: the one InboundEvent it stands for, or null. `receivedAt`
 * is our clock, which the dedupe key ages from.
 */
export function toInboundEvent(activity: Partial<Activity>, receivedAt: number = Date.now()): InboundEvent | null {
  const userId = activity.from?.id;
  if (!userId || !activity.id) return null;
  const base = {
    type: 'inbound' as const,
    channel: 'messenger' as const,
    userId,
    dedupeKey: `messenger:${activity.id}`,
    // Meta's time when it has one (the 24-hour window counts from the person's message), never later than now.
    at: activity.timestamp instanceof Date ? Math.min(activity.timestamp.getTime(), receivedAt) : receivedAt,
    receivedAt,
    ...(activity.locale ? { localeHint: activity.locale } : {}),
    ...(countryFromLocale(activity.locale) ? { countryHint: countryFromLocale(activity.locale)! } : {}),
  };
  if (activity.type === ActivityTypes.ConversationUpdate) {
    return activity.membersAdded?.some((m) => m.id === userId) ? { ...base, kind: 'start' } : null;
  }
  if (activity.type !== ActivityTypes.Message) return null;
  const payload = (activity.value as { payload?: unknown } | undefined)?.payload;
  if (typeof payload === 'string' && payload) return { ...base, kind: 'choice', choiceId: payload };
  if (activity.attachments?.length) {
    return { ...base, kind: activity.attachments.some((a) => MEDIA_TYPES.has(a.contentType)) ? 'media' : 'unsupported' };
  }
  if (typeof activity.text === 'string' && activity.text.trim()) return { ...base, kind: 'text', text: activity.text };
  return { ...base, kind: 'unsupported' };
}
