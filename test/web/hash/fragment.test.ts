// The handoff fragment: the token is read once, checked like the server checks it, and wiped from the address bar.

import { describe, expect, it } from 'vitest';
import { parseHandoffFragment, takeHandoffFragment } from '../../../src/web/hash/fragment';

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';

describe('parseHandoffFragment', () => {
  it('reads the token and the locale, in either order', () => {
    expect(parseHandoffFragment(`#t=${TOKEN}&l=th`)).toEqual({ token: TOKEN, locale: 'th' });
    expect(parseHandoffFragment(`#l=es-419&t=${TOKEN}`)).toEqual({ token: TOKEN, locale: 'es-419' });
  });

  it('has no token for an empty, short or malformed one', () => {
    expect(parseHandoffFragment('').token).toBeNull();
    expect(parseHandoffFragment('#t=short').token).toBeNull();
    expect(parseHandoffFragment(`#t=${TOKEN}<script>`).token).toBeNull();
    expect(parseHandoffFragment(`#t=${'A'.repeat(129)}`).token).toBeNull();
  });

  it('ignores a locale that is not a language tag', () => {
    expect(parseHandoffFragment(`#t=${TOKEN}&l=../../etc`).locale).toBeNull();
    expect(parseHandoffFragment(`#t=${TOKEN}`).locale).toBeNull();
  });
});

describe('takeHandoffFragment', () => {
  it('replaces the history entry with the bare path, so the token is not left in the address bar', () => {
    const calls: unknown[][] = [];
    const location = { hash: `#t=${TOKEN}&l=en`, search: '', pathname: '/hash' } as Location;
    const history = { replaceState: (...args: unknown[]) => calls.push(args) } as unknown as History;
    expect(takeHandoffFragment(location, history)).toEqual({ token: TOKEN, locale: 'en' });
    expect(calls).toEqual([[null, '', '/hash']]);
  });

  it('leaves history alone when there is nothing to wipe', () => {
    const calls: unknown[][] = [];
    const history = { replaceState: (...args: unknown[]) => calls.push(args) } as unknown as History;
    takeHandoffFragment({ hash: '', search: '', pathname: '/hash' } as Location, history);
    expect(calls).toEqual([]);
  });
});
