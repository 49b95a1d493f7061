import { describe, expect, it } from 'vitest';
import { formatOpening, HoursError, isOpen, nextOpening, parseHours } from '../../src/core/hours';

// Thursday 9 October 2025, 15:53 in Bangkok (08:53 UTC).
const THURSDAY_AFTERNOON = Date.UTC(2025, 9, 9, 8, 53);
const weekdayMornings = parseHours({ timeZone: 'Asia/Bangkok', shifts: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '12:00' })), holidays: [] });

describe('operating hours', () => {
  it('is open inside a shift in the helpline’s own time zone and closed outside it', () => {
    expect(isOpen(weekdayMornings, Date.UTC(2025, 9, 9, 1, 0))).toBe(true); // 08:00 Bangkok
    expect(isOpen(weekdayMornings, Date.UTC(2025, 9, 9, 4, 59))).toBe(true); // 11:59
    expect(isOpen(weekdayMornings, Date.UTC(2025, 9, 9, 5, 0))).toBe(false); // 12:00
    expect(isOpen(weekdayMornings, THURSDAY_AFTERNOON)).toBe(false);
    expect(isOpen(null, THURSDAY_AFTERNOON)).toBe(true);
  });

  it('finds the next opening exactly, across the weekend and a holiday', () => {
    expect(nextOpening(weekdayMornings, THURSDAY_AFTERNOON)).toBe(Date.UTC(2025, 9, 10, 1, 0)); // Friday 08:00
    const friday = parseHours({ ...weekdayMornings, holidays: ['2025-10-10'] });
    expect(nextOpening(friday, THURSDAY_AFTERNOON)).toBe(Date.UTC(2025, 9, 13, 1, 0)); // Monday 08:00
    expect(nextOpening(weekdayMornings, Date.UTC(2025, 9, 9, 2, 0))).toBe(Date.UTC(2025, 9, 9, 2, 0));
  });

  it('handles a zone three quarters off the hour (Kathmandu, UTC+5:45)', () => {
    const nepal = parseHours({ timeZone: 'Asia/Kathmandu', shifts: [{ day: 4, start: '09:00', end: '17:00' }] });
    expect(nextOpening(nepal, Date.UTC(2025, 9, 9, 0, 0))).toBe(Date.UTC(2025, 9, 9, 3, 15));
  });

  it('says when the team is back in the person’s language', () => {
    expect(formatOpening(Date.UTC(2025, 9, 10, 1, 0), 'Asia/Bangkok', 'en')).toMatch(/Friday.*08:00/);
    expect(formatOpening(Date.UTC(2025, 9, 10, 1, 0), 'Asia/Bangkok', 'th')).toContain('ศุกร์');
  });

  it('names the field that is wrong', () => {
    const bad = (value: unknown) => {
      try {
        parseHours(value);
      } catch (error) {
        expect(error).toBeInstanceOf(HoursError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ timeZone: 'Mars/Olympus', shifts: [{ day: 1, start: '08:00', end: '12:00' }] })).toMatch(/^timeZone/);
    expect(bad({ timeZone: 'UTC', shifts: [] })).toMatch(/^shifts/);
    expect(bad({ timeZone: 'UTC', shifts: [{ day: 7, start: '08:00', end: '12:00' }] })).toMatch(/^shifts\[0\]\.day/);
    expect(bad({ timeZone: 'UTC', shifts: [{ day: 1, start: '08:10', end: '12:00' }] })).toMatch(/^shifts\[0\]\.start/);
    expect(bad({ timeZone: 'UTC', shifts: [{ day: 1, start: '12:00', end: '08:00' }] })).toMatch(/^shifts\[0\]\.end/);
    expect(bad({ timeZone: 'UTC', shifts: [{ day: 1, start: '08:00', end: '24:00' }], holidays: ['31/12/2025'] })).toMatch(/^holidays\[0\]/);
  });
});
