// The HTTP surface: webhooks, the submission API, health, metrics and the hashing page, on Hono.

import { Hono } from 'hono';
import type { ChannelName } from '../core/events';
import { checkSubmission } from '../core/submission';
import type { ChannelAdapter } from '../core/channel';
import type { Engine } from '../engine/engine';
import type { Inbox } from '../engine/inbox';
import type { SubmissionService } from '../engine/submissions';
import type { Logger } from '../core/logger';
import { isStoreUnavailable, storeErrorCode, type Store } from '../store/database';
import { bodyLimits } from './body-limit';
import { mountHandoffRoutes } from './handoff';
import { createIngest } from './ingest';
import { createMetrics, metricsAccess, type Metrics } from './metrics';
import { securityHeaders, serveWebPage } from './static';
import { describeError } from '../crash-policy';

export interface AppOptions {
  store: Store;
  engine: Engine;
  /** Where webhooks commit their events before answering. */
  inbox: Inbox;
  submissions: SubmissionService;
  channels: ReadonlyMap<ChannelName, ChannelAdapter>;
  logger: Logger;
  metrics?: Metrics;
  /** Bearer token for `GET /metrics`; without one, only loopback callers may read it. */
  metricsToken?: string | undefined;
  /** How long `/readyz` waits for the store before answering 503; default 2 s. */
  readyTimeoutMs?: number;
  /** Built browser pages (Vite output). */
  webDir?: string;
  /** True while the server shuts down: webhooks get 503 (the platform redelivers, perhaps to another instance) and /readyz 503. */
  isDraining?: () => boolean;
  /** Extra routes mounted by later layers (partner API, staff dashboard). */
  extend?: (app: Hono) => void;
}

/** Builds the Hono app. Tests call `app.request()` in process; `serve` binds it to a port. */
export function createApp(options: AppOptions): Hono {
  const { store, submissions, channels, logger } = options;
  const metrics = options.metrics ?? createMetrics();
  metrics.watch(store);
  const app = new Hono();

  app.use('*', securityHeaders());
  app.use('*', bodyLimits());
  app.use('*', async (c, next) => {
    if (!options.isDraining?.()) return next();
    if (c.req.path.startsWith('/webhooks/')) return c.json({ error: 'shutting down; try again shortly' }, 503, { 'retry-after': '5' });
    if (c.req.path === '/readyz') return c.json({ ok: false, draining: true }, 503);
    return next();
  });

  app.onError((error, c) => {
    if (isStoreUnavailable(error)) {
      // Not the request's fault: the database is unreachable or too slow; asking again later works.
      logger.warn({ path: c.req.path, code: storeErrorCode(error) }, 'store unavailable');
      metrics.count('reclaim_store_unavailable_total');
      return c.json({ error: 'Temporarily unavailable. Please try again in a moment.' }, 503, { 'retry-after': '5' });
    }
    // Name, code and frames only: a database message can quote the value that failed.
    logger.error({ path: c.req.path, ...describeError(error) }, 'request failed');
    return c.json({ error: 'Something went wrong on our side. Please try again.' }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  // Answers within the timeout even when the database is silent, so probes and balancers can act on it.
  app.get('/readyz', async (c) => ((await store.ping(options.readyTimeoutMs ?? 2_000)) ? c.json({ ok: true }) : c.json({ ok: false, store: 'unavailable' }, 503)));
  app.get('/metrics', async (c) => {
    const access = metricsAccess(c, options.metricsToken);
    if (access === 'unauthorized') return c.json({ error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' }, 401, { 'www-authenticate': 'Bearer' });
    if (access === 'forbidden') return c.json({ error: 'metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere' }, 403);
    return c.body(await metrics.render(), 200, { 'content-type': metrics.contentType });
  });

  // Bounded to MAX_SUBMISSION_BYTES by bodyLimits above: hashes only, a few kilobytes.
  app.post(
    '/api/submissions',
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
      // The PIN is said once, here: with the case number it opens the case's page (/case).
      return c.json({ caseNumber: outcome.caseNumber, pin: outcome.pin }, 201);
    },
  );

  mountHandoffRoutes(app, { store });

  const ingest = createIngest({ inbox: options.inbox });

  app.all('/webhooks/:channel', async (c) => {
    const adapter = channels.get(c.req.param('channel') as ChannelName);
    if (!adapter?.webhook) return c.json({ error: 'channel not enabled' }, 404);
    const started = performance.now();
    const acknowledged = (response: Response) => {
      metrics.webhookAcknowledged(adapter.name, response.status, (performance.now() - started) / 1000);
      return response;
    };
    try {
      return acknowledged(await adapter.webhook(c.req.raw, ingest));
    } catch (error) {
      // The platform redelivers on 5xx: nothing was acknowledged, nothing is lost. A lost or
      // silent database is expected weather (warn, code only); anything else is a fault.
      const unavailable = isStoreUnavailable(error);
      metrics.count('reclaim_webhook_unavailable_total', { channel: adapter.name, reason: unavailable ? 'store' : 'error' });
      if (unavailable) logger.warn({ channel: adapter.name, code: storeErrorCode(error) }, 'webhook refused: store unavailable');
      else logger.error({ channel: adapter.name, ...describeError(error) }, 'webhook failed');
      return acknowledged(c.json({ error: 'temporarily unavailable' }, 503, { 'retry-after': '5' }));
    }
  });

  options.extend?.(app);

  if (options.webDir) serveWebPage(app, options.webDir);
  return app;
}
