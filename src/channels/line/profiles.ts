// What this process knows of LINE users: the language from their profile, and whether they are still reachable.

import type { messagingApi } from '@line/bot-sdk';
import type { Logger } from '../../core/logger';
import { abortable } from './abortable';
import { classifyLineError, lineStatus } from './errors';
import { createTtlCache } from './ttl-cache';

/** What profile lookups need: a client, a logger, and tunable memory. */
export interface LineProfilesOptions {
  client: Pick<messagingApi.MessagingApiClient, 'getProfile'>;
  logger: Logger;
  /** How long a webhook may wait for a profile before going on without a locale hint. */
  lookupTimeoutMs?: number;
  /** How long a looked-up language is remembered. */
  profileTtlMs?: number;
  /** How long after a person wrote we take them to be reachable without asking LINE. */
  activeTtlMs?: number;
  maxUsers?: number;
  now?: () => number;
}

/** Profile lookups with a per-process memory, so LINE is asked once per person, not once per message. */
export interface LineProfiles {
  /** The profile's `language` (BCP 47), or undefined: absent without consent, 404, slow or failed. Never throws. */
  localeHint(userId: string): Promise<string | undefined>;
  /** The person just wrote to us (a webhook event). */
  heardFrom(userId: string): void;
  /** The person unfollowed (blocked) the account: forget that they were reachable. */
  forget(userId: string): void;
  /**
   * False only when LINE answers 404 for the profile, which it does for a person who blocked the
   * account, left LINE or never added it. Skips the question for someone who wrote recently
   * unless `force`; any other failure counts as reachable, so a hiccup never loses a person.
   */
  reachable(userId: string, signal: AbortSignal, force?: boolean): Promise<boolean>;
  clear(): void;
}

type Lookup = { found: true; language: string | undefined } | { found: false } | { failed: true };

/** Creates the lookups over a Messaging API client. */
export function createLineProfiles(options: LineProfilesOptions): LineProfiles {
  const { client, logger } = options;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 1_000;
  const max = options.maxUsers ?? 10_000;
  const timing = options.now ? { now: options.now } : {};
  const languages = createTtlCache<string, { language: string | undefined }>({ max, ttlMs: options.profileTtlMs ?? 60 * 60_000, ...timing });
  const active = createTtlCache<string, true>({ max, ttlMs: options.activeTtlMs ?? 15 * 60_000, ...timing });
  const inFlight = new Map<string, Promise<Lookup>>();

  function lookup(userId: string, signal: AbortSignal): Promise<Lookup> {
    // Two events of one person in one request share a single call.
    const pending = inFlight.get(userId);
    if (pending) return pending;
    const promise = abortable(() => client.getProfile(userId), signal)
      .then((profile): Lookup => {
        const language = typeof profile.language === 'string' && profile.language ? profile.language : undefined;
        languages.set(userId, { language });
        return { found: true, language };
      })
      .catch((error: unknown): Lookup => {
        if (lineStatus(error) === 404) return { found: false };
        const classified = classifyLineError(error, 'getProfile');
        logger.warn({ channel: 'line', error: classified.message }, 'profile lookup failed');
        return { failed: true };
      })
      .finally(() => inFlight.delete(userId));
    inFlight.set(userId, promise);
    return promise;
  }

  return {
    async localeHint(userId) {
      const known = languages.get(userId);
      if (known) return known.language;
      const result = await lookup(userId, AbortSignal.timeout(lookupTimeoutMs));
      // Remember a miss too: a person without a language should not cost a call per message.
      if (!('found' in result) || !result.found) languages.set(userId, { language: undefined });
      return 'found' in result && result.found ? result.language : undefined;
    },
    heardFrom(userId) {
      active.set(userId, true);
    },
    forget(userId) {
      active.delete(userId);
      languages.delete(userId);
    },
    async reachable(userId, signal, force = false) {
      if (!force && active.has(userId)) return true;
      const result = await lookup(userId, signal);
      if ('found' in result && result.found) active.set(userId, true);
      return !('found' in result) || result.found;
    },
    clear() {
      languages.clear();
      active.clear();
    },
  };
}
