// MessengerAdapter: botbuilder's BotAdapter contract over the Messenger Send API (no Azure, no Bot Connector).

import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { GraphClient } from './graph-client';
import { CHANNEL_ID } from './inbound';
import { messagingTypeOf, toMessengerMessages } from './outbound';

/** TurnState key under which a turn carries the AbortSignal its sends must honour. */
export const SIGNAL_KEY = Symbol('reclaim.messenger.signal');

/**
 * A BotAdapter for Facebook Messenger. Inbound Activities run through the middleware with
 * `processActivity`; `sendActivities` posts each outgoing Activity to the Send API. Messenger
 * cannot edit or delete a sent message, so `updateActivity` and `deleteActivity` reject.
 */
export class MessengerAdapter extends BotAdapter {
  constructor(private readonly graph: GraphClient) {
    super();
  }

  /** Runs one inbound Activity through the middleware and then `logic`, as a turn. */
  processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /**
   * Sends Activities in order: a message becomes one or more Send API calls, `typing` a sender
   * action. Resolves with the Graph message id of each; throws PlatformError or NetworkError from
   * the first failing call. No retry here: the caller owns that.
   */
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const signal = context.turnState.get(SIGNAL_KEY) as AbortSignal | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const psid = activity.recipient?.id;
      if (!psid) throw new Error('an outgoing Messenger activity needs a recipient');
      if (activity.type === ActivityTypes.Typing) {
        await this.graph.post('/me/messages', { recipient: { id: psid }, sender_action: 'typing_on' }, signal);
        responses.push({ id: '' });
        continue;
      }
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      let id = '';
      for (const message of toMessengerMessages(activity)) {
        const answer = await this.graph.post('/me/messages', { recipient: { id: psid }, ...messagingTypeOf(activity), message }, signal);
        id = typeof answer.message_id === 'string' ? answer.message_id : id;
      }
      responses.push({ id });
    }
    return responses;
  }

  /** Messenger has no API to edit a sent message. */
  updateActivity(): Promise<void> {
    return Promise.reject(new Error('Messenger cannot edit a message once sent'));
  }

  /** Messenger has no API to unsend a Page's message. */
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('Messenger cannot delete a message once sent'));
  }

  /** Starts a proactive turn for a stored conversation (the PSID is enough) and runs `logic` in it. */
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

/** The ConversationReference of a one-to-one Messenger conversation with `psid`. */
export function conversationReference(psid: string, serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: CHANNEL_ID,
    serviceUrl,
    user: { id: psid, name: '' },
    // Graph's `me` is the Page the token belongs to.
    bot: { id: 'me', name: '' },
    conversation: { id: psid, name: '', isGroup: false, conversationType: 'personal' },
  };
}
