// Asks the server, on arrival, whether the handoff link still works: POST /api/handoff/check, which never spends it.

/** `dead`: expired, used or unknown. `unsure`: no clear answer, so the page carries on and Send decides. */
export type LinkState = 'alive' | 'dead' | 'unsure';

/** A slow answer must not hold the page up: after this the person may go on choosing files. */
const CHECK_TIMEOUT_MS = 8_000;

/**
 * Checks `token`. The token goes in a POST body, never in a URL; no credentials, no referrer,
 * no cache. Never rejects: any failure (offline, rate-limited, a server error) is `unsure`.
 */
export async function checkLink(token: string, fetchImpl: typeof fetch = fetch): Promise<LinkState> {
  try {
    const response = await fetchImpl('/api/handoff/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    if (response.status === 200) return 'alive';
    if (response.status === 401 || response.status === 410) return 'dead';
    return 'unsure';
  } catch {
    return 'unsure';
  }
}
