// Naming the device in hand: the page speaks of a phone, a tablet or a computer.

import { describe, expect, it } from 'vitest';
import { deviceKind } from '../../../src/web/hash/device';

const desktopChrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const android = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';
const androidTablet = 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const ipadOs = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const line = 'Mozilla/5.0 (Linux; Android 14; CPH2591) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 Line/14.5.0';

describe('deviceKind', () => {
  const base = { userAgent: desktopChrome, maxTouchPoints: 0, coarsePointer: false, shortSide: 1080 };

  it('calls a desktop browser a computer, even with a touch screen beside a mouse', () => {
    expect(deviceKind(base)).toBe('computer');
    expect(deviceKind({ ...base, maxTouchPoints: 10 })).toBe('computer');
  });

  it('calls phones phones, in-app browsers too', () => {
    expect(deviceKind({ ...base, userAgent: iphone, maxTouchPoints: 5, coarsePointer: true, shortSide: 390 })).toBe('phone');
    expect(deviceKind({ ...base, userAgent: android, coarsePointer: true, shortSide: 412 })).toBe('phone');
    expect(deviceKind({ ...base, userAgent: line, coarsePointer: true, shortSide: 360 })).toBe('phone');
    expect(deviceKind({ ...base, mobileHint: true })).toBe('phone');
  });

  it('calls tablets tablets, iPads that say they are Macs too', () => {
    expect(deviceKind({ ...base, userAgent: androidTablet, coarsePointer: true, shortSide: 800 })).toBe('tablet');
    expect(deviceKind({ ...base, userAgent: ipadOs, maxTouchPoints: 5, coarsePointer: true, shortSide: 820 })).toBe('tablet');
    expect(deviceKind({ ...base, userAgent: ipadOs, maxTouchPoints: 0 })).toBe('computer');
  });

  it('falls back on the pointer and the screen when the browser names nothing', () => {
    expect(deviceKind({ ...base, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', coarsePointer: true, shortSide: 360 })).toBe('phone');
    expect(deviceKind({ ...base, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', coarsePointer: true, shortSide: 768 })).toBe('tablet');
  });
});
