// The few named errors of Reclaim, each carrying the evidence needed to act on it.

/** A platform API refused a call. `retryAfter` (seconds) when it asked us to slow down; `blocked` when the person blocked the bot. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    message: string,
    readonly status: number,
    readonly details: { retryAfter?: number; blocked?: boolean; hold?: boolean; code?: string | number } = {},
  ) {
    super(message);
  }
  /** Worth trying again later: rate limits and server errors. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** The platform could not be reached (DNS, refused connection, timeout). Always retryable. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The conversation engine could not process an event. */
export class FlowError extends Error {
  override name = 'FlowError';
}
