// Numbers typed in a teen's own script pick numbered choices and read as ages, like ASCII digits.

import { describe, expect, it } from 'vitest';
import { foldDigits } from '../../src/core/digits';
import { matchChoice } from '../../src/core/choices';
import { fold } from '../../src/understand/fold';

// Each script's 1, 2 and 3 as a teen's keyboard types them.
const SCRIPTS: ReadonlyArray<readonly [script: string, one: string, two: string, three: string]> = [
  ['Arabic-Indic', '١', '٢', '٣'],
  ['Extended Arabic-Indic (Urdu, Persian, Kurdish)', '۱', '۲', '۳'],
  ['Devanagari', '१', '२', '३'],
  ['Bengali', '১', '২', '৩'],
  ['Tamil', '௧', '௨', '௩'],
  ['Malayalam', '൧', '൨', '൩'],
  ['Khmer', '១', '២', '៣'],
  ['Sinhala lith', '෧', '෨', '෩'],
  ['Thai', '๑', '๒', '๓'],
  ['full-width', '１', '２', '３'],
];

describe('native digits', () => {
  const numbered = ['minor:yes', 'minor:no', 'minor:unsure'];

  it.each(SCRIPTS)('selects numbered choices typed in %s digits', (_script, one, two, three) => {
    expect(matchChoice(one, [], numbered)).toBe('minor:yes');
    expect(matchChoice(` ${two}.`, [], numbered)).toBe('minor:no');
    expect(matchChoice(three, [], numbered)).toBe('minor:unsure');
  });

  it.each(SCRIPTS)('reads %s digits as numbers in typed answers', (_script, one, two) => {
    expect(fold(`${one}${two}`)).toBe('12');
  });

  it('folds every zero to nine of each script, and leaves other text alone', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२३४५६७८९ ০১২৩৪৫৬৭৮৯')).toBe('0123456789 0123456789 0123456789 0123456789');
    expect(foldDigits('௦௧௨௩௪௫௬௭௮௯ ൦൧൨൩൪൫൬൭൮൯ ០១២៣៤៥៦៧៨៩ ෦෧෨෩෪෫෬෭෮෯')).toBe('0123456789 0123456789 0123456789 0123456789');
    expect(foldDigits('๐๑๒๓๔๕๖๗๘๙ ０１２３４５６７８９')).toBe('0123456789 0123456789');
    expect(foldDigits('عمري ١٥ سنة')).toBe('عمري 15 سنة');
    expect(foldDigits('ages 15-17, ٣ص')).toBe('ages 15-17, 3ص');
  });

  it('does not treat a number past the shown choices as a choice', () => {
    expect(matchChoice('٤', [], numbered)).toBeNull();
  });
});
