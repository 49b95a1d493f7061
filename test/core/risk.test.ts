// Risk detection: real-sounding messages in each language, the idioms that must stay quiet, and mixed-language fallback.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LOCALES, detectRisk, type RiskKind } from '../../src/core/risk';

type Case = readonly [text: string, kind: RiskKind];

/**
 * What one detectRisk call does, counted rather than timed: phrase-pattern scans (RegExp#test,
 * leaving out the per-word script check of the Latin folding, which is one short test per word),
 * the longest text one scan was handed, and Unicode normalisations (each one a pass over the text).
 */
function workOf(text: string, locale: string | null) {
  const test = RegExp.prototype.test;
  const normalize = String.prototype.normalize;
  const work = { scans: 0, longestScan: 0, normalizations: 0 };
  RegExp.prototype.test = function (this: RegExp, subject: string) {
    if (this.source !== '\\p{Script=Latin}') {
      work.scans++;
      work.longestScan = Math.max(work.longestScan, String(subject).length);
    }
    return test.call(this, subject);
  };
  String.prototype.normalize = function (this: string, form?: string) {
    work.normalizations++;
    return normalize.call(this, form);
  };
  try {
    return { match: detectRisk(text, locale), ...work };
  } finally {
    RegExp.prototype.test = test;
    String.prototype.normalize = normalize;
  }
}

const selfHarm = (...texts: string[]): Case[] => texts.map((text) => [text, 'self_harm'] as const);
const danger = (...texts: string[]): Case[] => texts.map((text) => [text, 'immediate_danger'] as const);

const EN_MUST: Case[] = [
  ...selfHarm(
    'I want to kill myself',
    'i just wanna die 😭😭',
    'WANT TO DIEEEEE',
    'kms fr',
    'honestly i should just kms lol',
    'im going to end it all tonight',
    'been thinking about suicide a lot',
    "i've been cutting myself again",
    'i want to self-harm',
    "I don't want to live anymore",
    'everyone would be better off without me',
    "i'd be better off dead",
    "there's no reason to live",
    'i might unalive myself',
    'k i l l m y s e l f',
    'so embarrassed i want to die',
    'su1c1d3',
    'I want to kill\u200Bmyself',
    'ｋｉｌｌ ｍｙｓｅｌｆ',
    'gonna take all my pills tonight',
    'i wish i was never born',
    "I'm going to jump off a bridge",
  ),
  ...danger(
    "he's outside my house",
    "help me he's here",
    'someone is hurting me',
    "I'm not safe",
    'he locked me in my room',
    'my stepdad is hitting me',
    "he said he will hurt me if i don't send more",
    "he says he'll kill me if I tell anyone",
    "there's someone at my door",
    'he is following me home',
    'someone please call 911',
    'he has a knife',
    "I'm scared for my life",
    'SOMEBODY HELP!!!',
    "he's on his way to my house",
    "I don't feel safe at home",
    "i'm locked in the basement",
    'my dad beats me',
    'i was raped',
    'he knows where i live',
  ),
];

const EN_MUST_NOT: string[] = [
  'this is killing me lol',
  "I'm dying of embarrassment",
  'he said he will share my pics',
  'how do I delete the photo',
  'the deadline is killing me',
  'my skills are trash',
  "i'm on a diet",
  'I studied all night',
  'my mom is gonna kill me if she finds out',
  'my mom is going to kill me lol',
  'i want to die my hair black',
  'he keeps following me on instagram',
  "i'm so locked in for finals",
  'she hit me up on snap',
  'we live 50 kms from the city',
  'is this link safe?',
  'he is threatening to post my nudes',
  'help',
  'I cut myself shaving',
  'i killed it at the game',
  "I'm not sure",
  'Suicide Squad is my favourite movie',
  "he's here on insta too",
  "i'm safe now, thanks",
  "I'm in danger of failing math",
  "i don't feel safe sending this link",
  'a guy on instagram is blackmailing me and says he will send my nudes to my family',
  "I sent pics to someone and now he's threatening me",
  "he's going to send them to everyone at my school",
  'he said he will ruin my life',
  'please help me i dont know what to do',
  "my mom won't let me leave the house",
];

const TH_MUST: Case[] = [
  ...selfHarm(
    'อยากตาย',
    'อยากตายยยยย 😭😭',
    'อ ย า ก ต า ย',
    'ไม่อยากอยู่แล้ว',
    'ไม่อยากอยู่เเล้ววว',
    'ไม อยาก อยู่ แล้ว',
    'อยากฆ่าตัวตายค่ะ',
    'คิดจะฆ่าตัวตายมาหลายวันแล้ว',
    'หนูจะกระโดดตึกแล้ว',
    'เมื่อคืนกรีดแขนอีกแล้ว',
    'กรีดข้อมือ',
    'ทำร้ายตัวเองทุกคืน',
    'ไม่อยากมีชีวิตอยู่อีกต่อไป',
    'อยู่ไปก็ไร้ค่า ไม่มีใครรัก',
    'อายจนอยากตาย ทุกคนเห็นรูปหมดแล้ว',
    'คิดจะฆตต',
    'อยากไปเกิดใหม่',
    'ตายไปคงดีกว่า',
    'อยากต๊ายยย',
    'กินยาเกินขนาดไปแล้ว',
  ),
  ...danger(
    'มีคนจะทำร้ายหนู',
    'เขามาที่บ้าน',
    'เขามาที่บ้าน ช่วยด้วย',
    'มันอยู่หน้าบ้านหนูตอนนี้',
    'หนูถูกขังไว้ในห้อง',
    'พ่อเลี้ยงทำร้ายหนู',
    'เขาขู่ว่าจะฆ่าหนูถ้าไม่ส่งรูป',
    'หนูไม่ปลอดภัย',
    'ใครก็ได้ช่วยด้วย!!!',
    'เขามีมีด',
    'เขาตามหนูมา กลัวมาก',
    'โดนข่มขืน',
    'ช่วยเรียกตำรวจให้หน่อย',
    'เขารู้ว่าบ้านหนูอยู่ไหน',
    'มัน กำลัง มา ที่ ห้อง',
    'เขาจะมาหาหนูที่บ้าน',
  ),
];

const TH_MUST_NOT: string[] = [
  'ขำจนจะตาย',
  'เหนื่อยจะตาย',
  'หิวจะตาย 555',
  'ตายแล้ว ลืมรหัสผ่าน',
  'ขำจนอยากตาย 5555',
  'แม่จะฆ่าหนูแน่ๆ ถ้ารู้เรื่องนี้',
  'ถ้าแม่รู้ แม่จะฆ่าหนู',
  'เขาขู่จะปล่อยรูป',
  'ลบรูปยังไงคะ',
  'ช่วยด้วย',
  'ช่วยด้วยค่ะ รูปหลุด',
  'เพื่อนมาที่บ้าน',
  'ลิงก์นี้ปลอดภัยไหมคะ',
  'ราคาตายตัว',
  'เขาทำร้ายจิตใจหนูมาก',
  'วันนี้โดดเรียน',
  'กรีดร้องเสียงดัง',
  'ไม่อยากอยู่แล้วกลุ่มนี้',
  'มันบ้านะ',
  'มีคนขู่จะส่งรูปให้พ่อแม่',
  'โดนแบล็กเมล์ค่ะ',
  'เขาบอกว่าจะประจานหนู',
  'เขาขู่ว่าจะส่งรูปไปที่บ้าน',
  'มันตามมาทักในไอจี',
  'ข้อมูลของหนูไม่ปลอดภัยไหมคะ',
];

const ES_MUST: Case[] = [
  ...selfHarm(
    'quiero morir',
    'Me quiero morir 😭',
    'QUIERO MORIRMEEEE',
    'estoy pensando en suicidarme',
    'suicídarme',
    'voy a matarme',
    'me quiero matar',
    'quiero hacerme daño',
    'me corto los brazos',
    'no quiero vivir más',
    'ya no quiero seguir viviendo',
    'cortarme las venas',
    'me quiero morir de la vergüenza',
    'estarían mejor sin mí',
    'quiero quitarme la vida',
    'me voy a tirar de un puente',
    'no tengo razones para vivir',
    'me hago daño cuando estoy triste',
    'ganas de morir',
  ),
  ...danger(
    'me quiere hacer daño',
    'estoy en peligro',
    'está afuera de mi casa',
    'él está aquí',
    'me está siguiendo',
    'mi padrastro me pega',
    'me dijo que me va a matar si no le mando fotos',
    'sabe dónde vivo',
    'me tienen encerrada',
    'no me siento segura',
    'tiene una pistola',
    'llamen a la policía',
    '¡¡AUXILIO!!',
    'socorro por favor',
    'quiere lastimarme',
    'viene a mi casa',
  ),
];

const ES_MUST_NOT: string[] = [
  'me muero de vergüenza',
  'me muero de risa jajaja',
  'mi mamá me va a matar si se entera',
  'mi papá me va a matar',
  'me voy a cortar el pelo',
  'me corté el dedo cocinando',
  'me dijo que va a compartir mis fotos',
  '¿cómo borro la foto?',
  'no estoy segura',
  'me está siguiendo en instagram',
  'estoy muerta de cansancio',
  'la tarea me mata',
  'el link está aquí',
  'ayuda',
  'ayúdame',
  'quiero adelgazar, estoy a dieta',
  'no me siento segura de mandar eso',
  'estoy en peligro de reprobar',
  'me amenaza con publicar mis fotos',
  'me dijo que va a mandar mis fotos a mi familia',
  'no quiero vivir con mis papás',
];

describe.each([
  { locale: 'en', must: EN_MUST, mustNot: EN_MUST_NOT },
  { locale: 'th', must: TH_MUST, mustNot: TH_MUST_NOT },
  { locale: 'es', must: ES_MUST, mustNot: ES_MUST_NOT },
])('detectRisk in $locale', ({ locale, must, mustNot }) => {
  it.each(must)('flags %j as %s', (text, kind) => {
    expect(detectRisk(text, locale)).toEqual({ kind, locale });
  });

  it.each(mustNot)('stays quiet on %j', (text) => {
    expect(detectRisk(text, locale)).toBeNull();
  });

  it('has enough cases to mean something', () => {
    expect(must.filter(([, kind]) => kind === 'self_harm').length).toBeGreaterThanOrEqual(15);
    expect(must.filter(([, kind]) => kind === 'immediate_danger').length).toBeGreaterThanOrEqual(15);
    expect(mustNot.length).toBeGreaterThanOrEqual(10);
  });

  it('still flags every case whatever the conversation language', () => {
    for (const [text, kind] of must) {
      for (const other of [...RISK_LOCALES, null, undefined, 'fr']) {
        expect(detectRisk(text, other)?.kind, `${text} / ${String(other)}`).toBe(kind);
      }
    }
  });
});

describe('detectRisk across languages', () => {
  it('finds a Thai phrase when the conversation is in English', () => {
    expect(detectRisk('อยากตาย', 'en')).toEqual({ kind: 'self_harm', locale: 'th' });
    expect(detectRisk('เขามาที่บ้าน', 'es')).toEqual({ kind: 'immediate_danger', locale: 'th' });
  });

  it('finds Spanish in a Thai conversation and English in a Spanish one', () => {
    expect(detectRisk('quiero morir lol', 'th')).toEqual({ kind: 'self_harm', locale: 'es' });
    expect(detectRisk('i want to kms', 'es')).toEqual({ kind: 'self_harm', locale: 'en' });
  });

  it("names the person's own language first when a mixed message matches in several", () => {
    expect(detectRisk('อยากตายอ่ะ kms', 'th')).toEqual({ kind: 'self_harm', locale: 'th' });
    expect(detectRisk('อยากตายอ่ะ kms', 'en')).toEqual({ kind: 'self_harm', locale: 'en' });
    expect(detectRisk('อยากตายkms', 'en')).toEqual({ kind: 'self_harm', locale: 'en' });
  });

  it('reads region-tagged and unknown locales', () => {
    expect(detectRisk('อยากตาย', 'th-TH')).toEqual({ kind: 'self_harm', locale: 'th' });
    expect(detectRisk('quiero morir', 'es_419')).toEqual({ kind: 'self_harm', locale: 'es' });
    expect(detectRisk('kms', 'fr')).toEqual({ kind: 'self_harm', locale: 'en' });
    expect(detectRisk('kms', null)).toEqual({ kind: 'self_harm', locale: 'en' });
  });

  it('puts danger first when a message says both', () => {
    expect(detectRisk('อยากตาย เขามาที่บ้าน', 'th')?.kind).toBe('immediate_danger');
    expect(detectRisk("kms he's outside my house", 'en')?.kind).toBe('immediate_danger');
    expect(detectRisk('quiero morir, está afuera de mi casa', 'es')?.kind).toBe('immediate_danger');
  });

  it('returns null for empty text', () => {
    expect(detectRisk('', 'en')).toBeNull();
    expect(detectRisk('   \u200b ', 'th')).toBeNull();
  });

  it('lists en, th and es as languages with phrases', () => {
    expect(RISK_LOCALES).toEqual(expect.arrayContaining(['en', 'th', 'es']));
  });
});

describe('detectRisk and the words the bot asks people to type', () => {
  // The engine checks risk before choices and commands, so a label or command word that looked
  // like risk would turn "help" into a crisis script instead of a person.
  const localesDir = join(import.meta.dirname, '../../locales');
  const words = readdirSync(localesDir).flatMap((lng) => {
    const resources = JSON.parse(readFileSync(join(localesDir, lng, 'translation.json'), 'utf8')) as {
      choice?: Record<string, string>;
      command?: Record<string, string>;
    };
    const labels = Object.values(resources.choice ?? {});
    const commands = Object.values(resources.command ?? {}).flatMap((list) => list.split('|'));
    return [...labels, ...commands].map((word) => [lng, word] as const);
  });

  it('finds the labels and commands', () => {
    expect(words.length).toBeGreaterThan(30);
  });

  it.each(words)('lets the %s word %j through', (lng, word) => {
    expect(detectRisk(word, lng)).toBeNull();
  });
});

describe('detectRisk robustness', () => {
  const flagged = [...EN_MUST, ...ES_MUST];

  it('ignores case and invisible characters sprinkled through a phrase', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...flagged),
        fc.array(fc.boolean(), { maxLength: 80 }),
        fc.array(fc.constantFrom('\u200b', '\u200c', '\u2060', '\ufeff', ''), { maxLength: 80 }),
        ([text, kind], upper, invisible) => {
          const varied = [...text]
            .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch) + (invisible[i] ?? ''))
            .join('');
          expect(detectRisk(varied, 'en')?.kind).toBe(kind);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('en', 'th', 'es', null), (text, locale) => {
        const match = detectRisk(text, locale);
        if (match) expect(['self_harm', 'immediate_danger']).toContain(match.kind);
      }),
    );
  });

  // Long, repetitive text is where a careless pattern backtracks without end: an exponential one
  // never returns from these, so the run stops here instead of passing. How fast detection is on
  // them is a figure of `npm run bench`, not a test.
  it('does the same work on a long, repetitive message as on a short one', () => {
    const units = ['a ', 'help ', 'ช่วย', 'he is ', 'no ', 'me '];
    for (const unit of units) {
      for (const [suffix, locale] of [['', 'th'], [' kill myself', 'en']] as const) {
        const short = workOf(`${unit.repeat(3)}${suffix}`, locale);
        const long = workOf(`${unit.repeat(4000)}${suffix}`, locale);
        const label = `${JSON.stringify(unit)} x 4000${suffix}`;
        expect(long.match, label).toEqual(short.match);
        expect(long.scans, label).toBe(short.scans);
        expect(long.normalizations, label).toBe(short.normalizations);
        expect(long.longestScan, label).toBeLessThanOrEqual(unit.length * 4000 + suffix.length);
      }
    }
    expect(workOf('a '.repeat(4000) + 'kill myself', 'en').match?.kind).toBe('self_harm');
  });
});
