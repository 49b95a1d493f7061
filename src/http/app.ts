// The HTTP surface: webhooks, the submission API, health, metrics and the hashing page, on Hono.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ChannelName, InboundEvent } from '../core/events';
import { checkSubmission, MAX_SUBMISSION_BYTES } from '../core/submission';
import type { ChannelAdapter } from '../channels/types';
import type { Engine } from '../engine/engine';
import type { SubmissionService } from '../engine/submissions';
import type { Logger } from '../engine/logger';
import type { Store } from '../store/database';
import { mountHandoffRoutes } from './handoff';
import { createMetrics, type Metrics } from './metrics';
import { securityHeaders, serveWebPage } from './static';

export interface AppOptions {
  store: Store;
  engine: Engine;
  submissions: SubmissionService;
  channels: ReadonlyMap<ChannelName, ChannelAdapter>;
  logger: Logger;
  metrics?: Metrics;
  /** Built browser pages (Vite output). */
  webDir?: string;
  /** Extra routes mounted by later layers (partner API, staff dashboard). */
  extend?: (app: Hono) => void;
}

/** Builds the Hono app. Tests call `app.request()` in process; `serve` binds it to a port. */
export function createApp(options: AppOptions): Hono {
  const { store, engine, submissions, channels, logger } = options;
  const metrics = options.metrics ?? createMetrics();
  const app = new Hono();

  app.use('*', securityHeaders());

  app.onError((error, c) => {
    logger.error({ path: c.req.path, error: error.message, name: error.name }, 'request failed');
    return c.json({ error: 'Something went wrong on our side. Please try again.' }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => ((await store.ping()) ? c.json({ ok: true }) : c.json({ ok: false }, 503)));
  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }));

  app.post(
    '/api/submissions',
    bodyLimit({ maxSize: MAX_SUBMISSION_BYTES, onError: (c) => c.json({ error: 'body: too large (hashes only, at most 64 KB)', field: 'body' }, 413) }),
    async (c) => {
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        return c.json({ error: 'body: expected JSON (hashes only)', field: 'body' }, 415);
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: 'body: not valid JSON', field: 'body' }, 400);
      }
      const check = checkSubmission(body);
      if (!check.ok) {
        metrics.count('reclaim_submissions_total', { result: 'invalid' });
        return c.json({ error: check.message, field: check.field }, 400);
      }
      const outcome = await submissions.submit(check.value);
      if (!outcome.ok) {
        metrics.count('reclaim_submissions_total', { result: outcome.status === 401 ? 'unknown_token' : 'spent_token' });
        return c.json({ error: outcome.error }, outcome.status);
      }
      metrics.count('reclaim_submissions_total', { result: 'created' });
      return c.json({ caseNumber: outcome.caseNumber }, 201);
    },
  );

  mountHandoffRoutes(app, { store });

  const ingest = async (events: InboundEvent[]) => {
    for (const event of events) {
      const result = await engine.handle(event);
      metrics.count('reclaim_events_total', { channel: event.channel, duplicate: String(result.duplicate) });
    }
  };

  app.all('/webhooks/:channel', async (c) => {
    const adapter = channels.get(c.req.param('channel') as ChannelName);
    if (!adapter?.webhook) return c.json({ error: 'channel not enabled' }, 404);
    try {
      return await adapter.webhook(c.req.raw, ingest);
    } catch (error) {
      // The platform redelivers on 5xx: nothing was acknowledged, nothing is lost.
      logger.error({ channel: adapter.name, error: error instanceof Error ? error.message : String(error) }, 'webhook failed');
      return c.json({ error: 'temporarily unavailable' }, 503);
    }
  });

  options.extend?.(app);

  if (options.webDir) serveWebPage(app, options.webDir);
  return app;
}
