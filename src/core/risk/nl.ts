// Dutch risk phrases as teens type them ("ik wil dood", "mezelf van kant maken"), with "dood van het lachen" and "ik schaam me dood" left alone.

import { book, notBefore } from './book';

const NL_THEY = '(?:hij|zij|ze|iemand|een man|een vent|die gast|die man|mijn ex|mn ex|mijn stiefvader|mijn vader|mijn oom)';

export const nl = book('latin', {
  self_harm: [
    `(?:wil|wou|zou willen|wil gewoon|wil echt) (?:gewoon |echt |liever |zo )*(?:dood|sterven|niet meer leven|er niet meer zijn|niet meer bestaan)${notBefore('van')}`,
    'zelfmoord|zelfdoding|zelfbeschadiging|mezelf (?:van kant maken|doden|ophangen|snijden|pijn doen|iets aandoen)|snij mezelf|doe mezelf pijn|mezelf (?:te )?beschadigen',
    '(?:maak|maken) er een (?:eind|einde) aan|beter af zonder (?:mij|me)',
    '(?:geen|niks) (?:reden|zin) (?:meer )?(?:om te leven|in het leven|in leven)',
  ],
  immediate_danger: [
    `${NL_THEY} (?:staat|is|wacht|zit) (?:nu |nog |gewoon |hier )*(?:voor|bij|aan|buiten bij|in) (?:mijn|mn|ons|onze|de) (?:deur|voordeur|huis|raam|kamer)`,
    `${NL_THEY} (?:slaat|schopt|wurgt|verkracht|misbruikt|mishandelt) (?:me|mij)|${NL_THEY} (?:heeft|hebben) (?:me|mij) (?:geslagen|verkracht|opgesloten|ontvoerd|gedrogeerd)`,
    { re: `${NL_THEY} (?:gaat|wil|zal|dreigt|gaan|willen) (?:me|mij) (?:te )?(?:vermoorden|doden|slaan|verkrachten|pakken)`, unless: 'als (?:ze|hij|zij) (?:het|dit|dat) (?:ziet|weet|hoort|ontdekt|merkt)' },
    `${NL_THEY} (?:volgt|achtervolgt|stalkt) (?:me|mij)${notBefore('op', 'online', 'overal op')}`,
    `(?:ik ben|ben) in gevaar|voel me niet (?:meer )?veilig${notBefore('met', 'bij (?:die|deze) (?:link|bot)')}|bang voor mijn leven`,
    '(?:bel|bellen|belt) (?:de politie|112|een ambulance)',
    `${NL_THEY} (?:heeft|had) (?:een )?(?:mes|wapen|pistool)`,
  ],
});
