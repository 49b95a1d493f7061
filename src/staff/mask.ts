// Masks platform identities for staff screens: enough to tell two people apart, never enough to find them.

/** The last four characters of a channel user id, behind dots (`••••4821`). Short ids show only dots. */
export function maskUserId(userId: string): string {
  const chars = [...userId];
  if (chars.length <= 6) return '••••';
  return `••••${chars.slice(-4).join('')}`;
}
