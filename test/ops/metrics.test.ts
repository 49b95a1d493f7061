// GET /metrics in the Prometheus format: latency histograms, store depths and delivery failures after real webhooks; one trace id from webhook to reply.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createReclaim, type Reclaim } from '../../src/server';
import { createLogger } from '../../src/core/logger';
import { eventually, startServer, type FakeApi, type TestServer } from '../helpers';
import { methodOf, postUpdate, REFUSALS, startFakeTelegram, telegramEnv, telegramReply, textUpdate } from '../channels/telegram/fake';

/** The value of one series in an exposition, or undefined when it is absent. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics after webhooks', () => {
  let fake: FakeApi;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    server = await startServer(telegramEnv(fake));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('expose acknowledgement and processing latency, store depths and process metrics', async () => {
    const person = { id: 6660001, language_code: 'en' };
    expect((await postUpdate(server.url, textUpdate(person, 'hello'))).status).toBe(200);
    await fake.waitFor((r) => methodOf(r) === 'sendMessage');
    const text = await scrape();
    expect(text).toContain('# TYPE reclaim_webhook_ack_seconds histogram');
    expect(sample(text, 'reclaim_webhook_ack_seconds_count{channel="telegram",status="2xx"}')).toBe(1);
    expect(sample(text, 'reclaim_webhook_ack_seconds_bucket{le="+Inf",channel="telegram",status="2xx"}')).toBe(1);
    expect(text).toContain('# TYPE reclaim_event_processing_seconds histogram');
    expect(sample(text, 'reclaim_event_processing_seconds_count{channel="telegram"}')).toBe(1);
    expect(sample(text, 'reclaim_events_handled_total{channel="telegram",outcome="processed"}')).toBe(1);
    expect(sample(text, 'reclaim_events_total{channel="telegram",duplicate="false"}')).toBe(1);
    // Gauges read from the store on this scrape.
    expect(text).toContain('# TYPE reclaim_outbox_depth gauge');
    expect(sample(text, 'reclaim_timers_due')).toBe(0);
    expect(text).toMatch(/^reclaim_queue_oldest_waiting_seconds\{need="none"\} [0-9.e+-]+$/m);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('count delivery failures by platform and reason, and show what waits in the outbox', async () => {
    fake.reply = (request) => (methodOf(request) === 'sendMessage' ? REFUSALS.internal : telegramReply(request));
    try {
      const person = { id: 6660002, language_code: 'en' };
      expect((await postUpdate(server.url, textUpdate(person, 'hi'))).status).toBe(200);
      const text = await eventually(async () => {
        const t = await scrape();
        return (sample(t, 'reclaim_delivery_failures_total{platform="telegram",reason="platform_error"}') ?? 0) >= 1 ? t : undefined;
      });
      expect(sample(text, 'reclaim_outbox_depth{channel="telegram",status="pending"}')).toBeGreaterThanOrEqual(1);
    } finally {
      fake.reply = telegramReply;
    }
  });
});

describe('a trace id', () => {
  let fake: FakeApi;
  let reclaim: Reclaim;
  let dir: string;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    fake = await startFakeTelegram();
    dir = mkdtempSync(join(tmpdir(), 'reclaim-trace-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dir, PUBLIC_BASE_URL: 'http://127.0.0.1:1', ...telegramEnv(fake) });
    reclaim = await createReclaim(config, { logger: createLogger('info', (line) => lines.push(JSON.parse(line))) });
  });
  afterAll(async () => {
    await reclaim?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows an event from the webhook to each reply it caused, and never says what was written', async () => {
    const person = { id: 6660003, language_code: 'en' };
    const response = await reclaim.app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': telegramEnv(fake).TELEGRAM_WEBHOOK_SECRET! },
      body: JSON.stringify(textUpdate(person, 'they posted my pictures')),
    });
    expect(response.status).toBe(200);
    await reclaim.outbox.drain();
    const processed = lines.find((l) => l.msg === 'event processed');
    expect(processed).toMatchObject({ channel: 'telegram', trace: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    const delivered = lines.filter((l) => l.msg === 'message delivered');
    expect(delivered.length).toBeGreaterThan(0);
    for (const line of delivered) expect(line.trace).toBe(processed!.trace);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('they posted my pictures');
    expect(logged).not.toContain(String(person.id));
  });
});
