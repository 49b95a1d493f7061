// Which conversations come from the public try-the-bot page: the engine keeps their cases from platforms, staff keep them out of the queue.

/** Console user ids of demo visitors start with this, so staff can tell them from the terminal chat. */
export const TRY_USER_PREFIX = 'web-';

/**
 * True for a conversation that came from the public try-the-bot page: its cases are never shared with platforms.
 * The terminal chat (`reclaim chat`) is not a demo: only someone with a shell on the server, who holds the database
 * and the partner keys anyway, can run it, so its cases are as real as a helpline worker's intake on the phone.
 */
export function isDemo(channel: string, userId: string): boolean {
  return channel === 'console' && userId.startsWith(TRY_USER_PREFIX);
}
