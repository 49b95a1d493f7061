// Webhook security primitives: the X-Hub-Signature-256 check and the verify-token handshake, both in constant time.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Outcome of a signature check: missing and wrong are answered differently (401 and 403). */
export type SignatureCheck = 'valid' | 'missing' | 'invalid';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`.
 * The HMAC covers the exact bytes received, so this runs before any parsing.
 */
export function checkSignature(rawBody: Uint8Array, header: string | null, appSecret: string): SignatureCheck {
  if (!header) return 'missing';
  const match = SIGNATURE.exec(header.trim());
  if (!match?.[1]) return 'invalid';
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex')) ? 'valid' : 'invalid';
}

/** Compares two secrets in time independent of where they differ and of their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  // Hashing first gives equal-length inputs, so the length of the secret does not leak either.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

// Meta sends a numeric challenge; anything else is not echoed back, so this endpoint reflects nothing arbitrary.
const CHALLENGE = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * The subscription handshake: `hub.mode=subscribe` with the right `hub.verify_token` gets its
 * `hub.challenge` back as text; anything else gets 403.
 */
export function handshake(url: URL, verifyToken: string): Response {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token') ?? '';
  const challenge = url.searchParams.get('hub.challenge') ?? '';
  if (mode !== 'subscribe' || !secretsEqual(token, verifyToken)) return new Response('Forbidden', { status: 403 });
  if (!CHALLENGE.test(challenge)) return new Response('Bad challenge', { status: 400 });
  return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
