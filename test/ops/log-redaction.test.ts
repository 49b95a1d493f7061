// Logs never carry what a person wrote, credentials or platform ids, whatever a caller passes; each line is one JSON object.

import { describe, expect, it } from 'vitest';
import { createLogger, traceFor, traced } from '../../src/core/logger';
import { hashKey } from '../../src/store/engine-store';

const SECRETS = {
  text: 'they have my photos',
  body: '{"message":"help"}',
  token: 'tok-7f3a9c1e',
  secret: 'shh-0b8d',
  password: 'hunter2-xyz',
  email: 'teen@example.org',
  userId: 'U4af4980629',
  user_id: 'psid-5550001',
  phone: '+66 81 234 5678',
  accessToken: 'line-access-91ab',
  authorization: 'Bearer partner-key-77',
};

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(line)) };
}

describe('structured logs', () => {
  it('censor personal and secret fields at the top level and one level down, keeping the rest', () => {
    const { lines, logger } = capture();
    logger.warn({ channel: 'line', outbox: 42, ...SECRETS, nested: { ...SECRETS, kind: 'text' } }, 'message not delivered');
    const joined = lines.join('\n');
    for (const value of Object.values(SECRETS)) expect(joined).not.toContain(value);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'warn', msg: 'message not delivered', channel: 'line', outbox: 42, text: '[redacted]', userId: '[redacted]' });
    expect(line.nested).toMatchObject({ kind: 'text', token: '[redacted]', phone: '[redacted]' });
    expect(typeof line.time).toBe('string');
  });

  it('write one JSON object a line, at or above the level asked for', () => {
    const { lines, logger } = capture('info');
    logger.debug({ a: 1 }, 'quiet');
    logger.info({ a: 2 }, 'said');
    logger.error({ a: 3 }, 'loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['said', 'loud']);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('carry the trace id of the event they are about, and only those lines', async () => {
    const { lines, logger } = capture();
    const trace = traceFor('telegram:update:1001');
    const about = traced(logger, trace);
    about.info({ channel: 'telegram' }, 'event processed');
    await new Promise((resolve) => setTimeout(resolve, 1));
    about.warn({ outbox: 1 }, 'message delivered');
    logger.info({}, 'elsewhere');
    traced(logger, undefined).info({}, 'no event');
    expect(lines.map((l) => JSON.parse(l).trace)).toEqual([trace, trace, undefined, undefined]);
    expect(trace).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(traceFor('telegram:update:1001')).toBe(trace);
    // The inbox reads the trace off the stored (hashed) key instead of hashing the key again.
    expect(hashKey('telegram:update:1001').startsWith(trace)).toBe(true);
  });
});
