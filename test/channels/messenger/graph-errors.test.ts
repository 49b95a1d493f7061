// Graph API failures classified for the outbox: rate limits, retryable, blocked, outside the window, final.

import { describe, expect, it } from 'vitest';
import { classifyGraphFailure } from '../../../src/channels/messenger/graph-errors';
import { GRAPH_ERRORS } from './fake';

function classify(reply: { status: number; json: unknown }, headers?: Headers) {
  return classifyGraphFailure(reply.status, reply.json, headers);
}

describe('classifyGraphFailure', () => {
  it('makes HTTP 429 and codes 4, 32 and 613 a rate limit without an invented retryAfter', () => {
    for (const reply of [GRAPH_ERRORS.tooManyRequests, GRAPH_ERRORS.rateLimited, { status: 400, json: { error: { code: 32, message: 'Page request limit reached' } } }]) {
      const error = classify(reply);
      expect(error.status).toBe(429);
      expect(error.retryable).toBe(true);
      expect(error.details.retryAfter).toBeUndefined();
    }
  });

  it('honours a numeric Retry-After header when one is present', () => {
    expect(classify(GRAPH_ERRORS.tooManyRequests, new Headers({ 'retry-after': '7' })).details.retryAfter).toBe(7);
  });

  it('makes 5xx and codes 1, 2 and 1200 retryable', () => {
    expect(classify(GRAPH_ERRORS.internal)).toMatchObject({ status: 500, retryable: true });
    expect(classify({ status: 502, json: undefined })).toMatchObject({ status: 502, retryable: true });
    expect(classify({ status: 400, json: { error: { code: 1200, message: 'Temporary send message failure. Please try again later.' } } }).retryable).toBe(true);
    expect(classify({ status: 400, json: { error: { code: 1, message: 'An unknown error occurred' } } }).retryable).toBe(true);
  });

  it('marks 551, 200/1545041 and 10/2018108 as blocked', () => {
    const receivingOff = { status: 400, json: { error: { code: 200, error_subcode: 1545041, message: "Message Not Sent: This person isn't receiving messages from you right now." } } };
    for (const reply of [GRAPH_ERRORS.unavailable, GRAPH_ERRORS.notReceiving, receivingOff]) {
      const error = classify(reply);
      expect(error.details.blocked).toBe(true);
      expect(error.retryable).toBe(false);
    }
  });

  it('holds 10/2018278 (outside the allowed window) instead of calling the person unreachable', () => {
    const error = classify(GRAPH_ERRORS.outsideWindow);
    expect(error.details.hold).toBe(true);
    expect(error.details.blocked).toBeUndefined();
  });

  it('makes other refusals final and keeps Graph wording out of the error message', () => {
    const error = classify(GRAPH_ERRORS.invalidParameter);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.details.code).toBe('100');
    expect(error.message).not.toContain('recipient is required');
    expect(classify(GRAPH_ERRORS.invalidToken)).toMatchObject({ status: 401, retryable: false });
  });
});
