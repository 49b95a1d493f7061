// Every language the understanding layer reads. Adding a language is adding its data file here.

import type { Lexicon } from '../lexicon';
import { en } from './en';
import { es } from './es';
import { id } from './id';
import { vi } from './vi';
import { th } from './th';
import { tl } from './tl';
import { tr } from './tr';
import { de } from './de';
import { fr } from './fr';
import { it } from './it';
import { is } from './is';
import { pt } from './pt';
import { nl } from './nl';

export const LEXICONS: readonly Lexicon[] = [en, th, es, fr, de, nl, it, pt, is, id, vi, tl, tr];
