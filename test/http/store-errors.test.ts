// How the HTTP surface answers and logs a failure: 503 for a store that is unreachable, faults logged by name and code, never by message.

import { describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/core/channel';
import type { Inbox } from '../../src/engine/inbox';
import type { Engine } from '../../src/engine/engine';
import type { SubmissionService } from '../../src/engine/submissions';
import { createLogger } from '../../src/core/logger';
import { createApp } from '../../src/http/app';
import { createMetrics } from '../../src/http/metrics';
import type { Store } from '../../src/store/database';

const QUOTED = 'invalid input syntax for type json: "my photos were posted"';

function appThrowing(error: unknown) {
  const lines: Record<string, unknown>[] = [];
  const adapter: ChannelAdapter = {
    name: 'telegram',
    capabilities: { maxChoices: 10, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 30 },
    webhook: async () => {
      throw error;
    },
    send: async () => {},
  };
  const metrics = createMetrics();
  const app = createApp({
    store: { ping: async () => true } as unknown as Store,
    engine: {} as Engine,
    inbox: {} as Inbox,
    submissions: {} as SubmissionService,
    channels: new Map([['telegram', adapter]]),
    logger: createLogger('debug', (line) => lines.push(JSON.parse(line))),
    metrics,
    extend: (app) => app.get('/throws', () => Promise.reject(error)),
  });
  return { app, lines, metrics };
}

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a webhook whose store is unreachable', () => {
  it('answers 503 with Retry-After and logs the code at warn level', async () => {
    const { app, lines, metrics } = appThrowing(coded('57P01', 'terminating connection due to administrator command'));
    const response = await app.request('/webhooks/telegram', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', channel: 'telegram', code: '57P01' })]);
    expect(await metrics.render()).toContain('reclaim_webhook_unavailable_total{channel="telegram",reason="store"} 1');
  });
});

describe('a webhook that fails otherwise', () => {
  it('still answers 503 for redelivery, and logs name and code without the message', async () => {
    const { app, lines } = appThrowing(coded('22P02', QUOTED));
    expect((await app.request('/webhooks/telegram', { method: 'POST', body: '{}' })).status).toBe(503);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', name: 'Error', code: '22P02' })]);
    expect(JSON.stringify(lines)).not.toContain('my photos');
  });
});

describe('any other route', () => {
  it('answers 503 when the store is unreachable, not 500', async () => {
    const { app } = appThrowing(new Error('Connection terminated unexpectedly'));
    expect((await app.request('/throws')).status).toBe(503);
  });

  it('answers 500 to a fault and logs it without the message', async () => {
    const { app, lines } = appThrowing(coded('22P02', QUOTED));
    expect((await app.request('/throws')).status).toBe(500);
    expect(JSON.stringify(lines)).not.toContain('my photos');
  });
});
