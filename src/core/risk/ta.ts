// Tamil risk phrases in its script and Tanglish ("saaganum", "thatkolai"), with "சிரிச்சு சிரிச்சு செத்துட்டேன்" and "அம்மா கொன்னுடுவாங்க" left alone.

import { book, GATES } from './book';

const TA_IDIOM = 'தெரிஞ்சா|தெரிந்தால்|அம்மா|அப்பா';

export const ta = book(
  'indic',
  {
    self_harm: [
      'சாகணும்|சாகனும்|சாக வேண்டும்|சாகப் போறேன்|சாக போறேன்|சாகலாம் போல|செத்துப் போகணும்|செத்து போகணும்|செத்துப்போகணும்|செத்துடலாம்',
      'தற்கொலை',
      '(?:வாழ|வாழப்) (?:பிடிக்கல|பிடிக்கவில்லை|விருப்பமில்லை|இஷ்டமில்லை)|வாழ வேண்டாம்',
      '(?:என்னை நானே|நானே என்னை) (?:காயப்படுத்|வெட்டி|கொல்ல)|கையை (?:அறுத்து|அறுத்த|கிழித்த|வெட்டி)',
    ],
    immediate_danger: [
      'வீட்டுக்கு (?:வெளியே|முன்னாடி|வெளில) (?:நிக்க|நிற்க|இருக்கா|காத்திரு)|வீட்டு (?:வாசல்ல|முன்னாடி) (?:நிக்க|இருக்கா)',
      'என்னை (?:அடிக்கிற|அடிக்கிறா|அடிச்சுட்டு|தாக்குற|கொல்ல வர)',
      { re: 'கொன்னுடுவேன்|கொல்லுவேன்|கொன்று விடுவேன்|கொல்லப் போறேன்', unless: TA_IDIOM },
      'பின்தொடர்|பின்னாடியே வர|பின்னால வர',
      'ஆபத்(?:துல|தில்) (?:இருக்கேன்|இருக்கிறேன்|இருக்கோம்)',
      'போலீஸ(?:ை|ுக்கு)? ?(?:கூப்பிடு|அழை|கால் பண்ணு|போன் பண்ணு)',
    ],
  },
  GATES.tamil,
);

export const taLatin = book('latin', {
  self_harm: [
    'saganum|sakanum|savanum|sethudalam|sethu poganum|sethuranum|sethudanum',
    'thatkolai|tharkolai|thatkola|tharkola',
    '(?:vazha|vala) (?:pidikala|pudikala|venam|vendam)',
  ],
  immediate_danger: [
    '(?:vetu|veetu) (?:veliya|veliye|munadi|vasala) (?:nikuran|nikran|nikura|irukan|iruka)',
    'enai (?:adikiran|adikuranga|adikiranga)',
    { re: 'konuduven|kolapporen', unless: 'therinja|amma|apa' },
    '(?:abathula|aabathula|abathil) (?:iruken|irukiren)',
  ],
});
