// The typed-answer tables of the languages written in Arabic script, Indic scripts, Chinese, Hangul and Khmer, by locale.

import { hi } from './hi';
import { ar } from './ar';
import type { AnswerTable } from './types';
import { ur } from './ur';

export const SCRIPT_TABLES: Record<string, AnswerTable> = { ar, hi, ur };
