// Splitting page text into what may wrap, what must stay on one line, and what can be dialled.

import { describe, expect, it } from 'vitest';
import { splitRichText } from '../../../src/web/shared/rich-text';

const pieces = (text: string) => splitRichText(text).map((p) => (p.kind === 'text' ? p.text : p.kind === 'keep' ? `[${p.text}]` : `<${p.text}|${p.dial}>`));

describe('splitRichText', () => {
  it('keeps quoted keywords and case numbers whole', () => {
    expect(pieces('แตะ “ขอลิงก์ใหม่” หรือพิมพ์ "status" ค่ะ')).toEqual(['แตะ ', '[“ขอลิงก์ใหม่”]', ' หรือพิมพ์ ', '["status"]', ' ค่ะ']);
    expect(pieces('เคส 4467-ACDE: ส่งแล้ว และ RC-7K3M-4QXA')).toEqual(['เคส ', '[4467-ACDE]', ': ส่งแล้ว และ ', '[RC-7K3M-4QXA]']);
  });

  it('makes helpline numbers dialable, with their text unchanged', () => {
    expect(pieces('สายเด็ก 1387 โทรฟรี 24 ชั่วโมง')).toEqual(['สายเด็ก ', '<1387|tel:1387>', ' โทรฟรี 24 ชั่วโมง']);
    expect(pieces('โทร191ได้เลย')).toEqual(['โทร', '<191|tel:191>', 'ได้เลย']);
    expect(pieces('ANAR: 900 20 20 10 (gratis), 024.')).toEqual(['ANAR: ', '<900 20 20 10|tel:900202010>', ' (gratis), ', '<024|tel:024>', '.']);
    expect(pieces('CyberTipline (report.cybertip.org, 1-800-843-5678).')).toEqual(['CyberTipline (report.cybertip.org, ', '<1-800-843-5678|tel:18008435678>', ').']);
    expect(pieces('call +66 2 123 4567')).toEqual(['call ', '<+66 2 123 4567|tel:+6621234567>']);
  });

  it('leaves numbers that are not phone numbers alone', () => {
    for (const text of ['up to 50 files', 'under 18, for 10 minutes', '12 March 2025', '12 มีนาคม 2568', '3.14159', '12/03/2025', 'findahelpline.com/th', 'v1.2.345', 'แตะ “ขอ 1387 ลิงก์”']) {
      expect(splitRichText(text).filter((p) => p.kind === 'phone'), text).toEqual([]);
    }
  });

  it('returns plain text as one piece, and nothing for nothing', () => {
    expect(pieces('Hello there')).toEqual(['Hello there']);
    expect(splitRichText('')).toEqual([]);
  });
});
