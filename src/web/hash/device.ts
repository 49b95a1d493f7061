// Which device the page is on, so its words say "phone", "tablet" or "computer" as the person would.

/** The device named in the page's texts. */
export type DeviceKind = 'phone' | 'tablet' | 'computer';

/** What the browser tells about itself. */
export interface DeviceSignals {
  userAgent: string;
  /** navigator.userAgentData.mobile, where the browser has it. */
  mobileHint?: boolean;
  maxTouchPoints: number;
  /** The primary pointer is a finger (`(pointer: coarse)`). */
  coarsePointer: boolean;
  /** The screen's shorter side in CSS pixels. */
  shortSide: number;
}

/** Phones are narrower than this on their short side; tablets are not. */
const TABLET_SHORT_SIDE = 600;

/** Pure: the browser's own words first, then its pointer and screen. */
export function deviceKind(signals: DeviceSignals): DeviceKind {
  const ua = signals.userAgent;
  // iPadOS asks for desktop pages and says "Macintosh"; only its touch screen gives it away.
  if (/iPad/.test(ua) || (/Macintosh/.test(ua) && signals.maxTouchPoints > 1)) return 'tablet';
  if (signals.mobileHint === true || /iPhone|iPod|Android.+Mobile|Windows Phone|Mobi/.test(ua)) return 'phone';
  if (/Android/.test(ua)) return 'tablet';
  if (signals.coarsePointer) return signals.shortSide >= TABLET_SHORT_SIDE ? 'tablet' : 'phone';
  return 'computer';
}

/** The device this page runs on. */
export function currentDevice(): DeviceKind {
  const uaData = (navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  return deviceKind({
    userAgent: navigator.userAgent,
    ...(uaData?.mobile !== undefined ? { mobileHint: uaData.mobile } : {}),
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    coarsePointer: window.matchMedia('(pointer: coarse)').matches,
    shortSide: Math.min(window.screen.width, window.screen.height),
  });
}
