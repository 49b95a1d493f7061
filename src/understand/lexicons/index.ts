// Every language the understanding layer reads. Adding a language is adding its data file here.

import type { Lexicon } from '../lexicon';
import { ar } from './ar';
import { bn } from './bn';
import { ckb } from './ckb';
import { en } from './en';
import { es } from './es';
import { id } from './id';
import { vi } from './vi';
import { tl } from './tl';
import { tr } from './tr';
import { de } from './de';
import { fr } from './fr';
import { it } from './it';
import { is } from './is';
import { pt } from './pt';
import { nl } from './nl';
import { hi } from './hi';
import { km } from './km';
import { ko } from './ko';
import { ml } from './ml';
import { mr } from './mr';
import { si } from './si';
import { ta } from './ta';
import { th } from './th';
import { ur } from './ur';
import { zh } from './zh';

export const LEXICONS: readonly Lexicon[] = [
  en,
  th,
  es,
  hi,
  ur,
  ar,
  ckb,
  bn,
  mr,
  ta,
  ml,
  si,
  zh,
  ko,
  km,
  fr,
  de,
  nl,
  it,
  pt,
  is,
  id,
  vi,
  tl,
  tr,
];
