// Counters in the Prometheus text format, without a client library: a handful of labelled counters is all we expose.

import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Counts things and renders them for `GET /metrics`. Labels never carry personal data. */
export interface Metrics {
  count(name: string, labels?: Record<string, string>, by?: number): void;
  render(): string;
}

export function createMetrics(): Metrics {
  const counters = new Map<string, Map<string, number>>();
  return {
    count(name, labels = {}, by = 1) {
      const series = counters.get(name) ?? new Map<string, number>();
      const key = Object.entries(labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
        .join(',');
      series.set(key, (series.get(key) ?? 0) + by);
      counters.set(name, series);
    },
    render() {
      const lines: string[] = [];
      for (const [name, series] of counters) {
        lines.push(`# TYPE ${name} counter`);
        for (const [labels, value] of series) lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

/**
 * Who may read `GET /metrics`. With a token: whoever sends `Authorization: Bearer <token>`.
 * Without one: only a caller on this machine that came through no proxy (a proxy on the same
 * host makes every visitor look local, and it says so with X-Forwarded-For or Forwarded).
 */
export function metricsAccess(c: Context, token: string | undefined): MetricsAccess {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    return sameSecret(given, token) ? 'allowed' : 'unauthorized';
  }
  if (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return 'forbidden';
  return isLoopback(remoteAddress(c)) ? 'allowed' : 'forbidden';
}

function sameSecret(given: string, expected: string): boolean {
  // Equal-length digests: the comparison takes as long whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No socket (a request made in process): not known to be local.
    return undefined;
  }
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
