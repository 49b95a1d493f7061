// The dashboard's client for /api/staff: JSON in and out, the CSRF header on every change, sign-out noticed everywhere.

/** A refusal from the API, with its stable code (translated as `error.<code>`). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own words for a 400: which field, and what it takes. */
    readonly detail: string = '',
  ) {
    super(code);
  }
}

let csrfToken = '';
let onSignedOut: (reason: string) => void = () => {};

/** Remembers the session's CSRF token (from sign-in or /me). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request finds the session gone. */
export function whenSignedOut(listener: (reason: string) => void): void {
  onSignedOut = listener;
}

/** Calls the staff API; resolves with the JSON body or throws ApiError. */
export async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/staff${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) {
    const code = data.error ?? 'generic';
    if (response.status === 401 && code === 'signed_out') onSignedOut('expired');
    throw new ApiError(response.status, code, typeof data.message === 'string' ? data.message : '');
  }
  return data as T;
}
