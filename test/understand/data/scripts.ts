// The typed-answer tables of the languages written in Arabic script, Indic scripts, Chinese, Hangul and Khmer, by locale.

import { ar } from './ar';
import { bn } from './bn';
import { ckb } from './ckb';
import { hi } from './hi';
import { km } from './km';
import { ko } from './ko';
import { ml } from './ml';
import { mr } from './mr';
import { si } from './si';
import { ta } from './ta';
import { ur } from './ur';
import { zh } from './zh';
import type { AnswerTable } from './types';

export const SCRIPT_TABLES: Record<string, AnswerTable> = { ar, bn, ckb, hi, km, ko, ml, mr, si, ta, ur, zh };
