// Verifies LINE's X-Line-Signature: base64 HMAC-SHA256 of the raw body, keyed with the channel secret.

import { validateSignature } from '@line/bot-sdk';

/**
 * True when `signature` is LINE's signature of exactly these bytes. The SDK compares in constant
 * time (timingSafeEqual) and rejects a length mismatch first, so a short forgery costs nothing.
 */
export function verifyLineSignature(rawBody: Uint8Array, channelSecret: string, signature: string | null | undefined): boolean {
  if (!signature || !channelSecret) return false;
  return validateSignature(Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength), channelSecret, signature);
}
