// Lets a caller's AbortSignal bound an SDK call that cannot take one.

/**
 * Runs `start` unless `signal` aborts first. The SDK's fetch calls take no AbortSignal, so an
 * abandoned request may still finish in the background; pushes carry a retry key, so a late
 * arrival is recognised (409) when the outbox retries.
 */
export function abortable<T>(start: () => Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    start()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
