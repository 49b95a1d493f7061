// Reads the handoff token and locale from the URL fragment, then wipes the fragment so the token lives in memory only.

/** What the handoff link carried. `token` is null when it is missing or malformed. */
export interface HandoffFragment {
  token: string | null;
  locale: string | null;
}

/** Same rule as the server's schema: base64url, 16–128 characters (tokens are 43). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Parses `#t=<token>&l=<locale>` (either order, either optional). Pure. */
export function parseHandoffFragment(hash: string): HandoffFragment {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('t');
  const locale = params.get('l');
  return {
    token: token !== null && TOKEN_PATTERN.test(token) ? token : null,
    locale: locale !== null && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(locale) ? locale : null,
  };
}

/**
 * Takes the fragment from the address bar and replaces the history entry with the bare path,
 * so a screenshot, the history list or a shared tab never shows the token. Call once, at start.
 */
export function takeHandoffFragment(location: Location, history: History): HandoffFragment {
  const fragment = parseHandoffFragment(location.hash);
  if (location.hash !== '' || location.search !== '') history.replaceState(null, '', location.pathname);
  return fragment;
}
