// German risk phrases as teens type them ("will sterben", "bring mich um", "ritzen"), with "ich lach mich tot" and "Mama bringt mich um" left alone.

import { book, notBefore } from './book';

// Written folded: no umlauts (ü as u), ß as s, doubled letters once.
const DE_THEY = '(?:er|sie|jemand|einer|ein mann|ein typ|der typ|mein ex|mein stiefvater|mein vater|mein onkel|mein bruder|mein freund)';
// "Sie bringt mich um, wenn sie das erfährt" is the idiom about a parent finding out.
const DE_IDIOM = 'wenn (?:sie|er|die|meine eltern|mama|papa) (?:das |es |davon )?(?:erfahrt|erfahren|rausfindet|rausfinden|sieht|sehen|merkt|merken|mitkriegt)';

export const de = book('latin', {
  self_harm: [
    `(?:will|wil|mochte|moechte|wurde gern|wuerde gern|wurd gern|wurde lieber) (?:einfach |nur |einfach nur |jetzt |echt |so |lieber )*(?:sterben|tot sein|nicht mehr leben|nich mehr leben|nimmer leben|nicht mehr da sein|nicht mehr existieren|mich umbringen|mich toten|mich aufhangen)${notBefore('vor lachen')}`,
    '(?:ich|i|ich werd|ich werde) (?:bring|bringe|mich) (?:mich )?(?:jetzt |heute |einfach |bald |noch )?um(?! zu)|mich (?:umbringen|umzubringen|aufzuhangen|aufhangen)',
    'selbstmord(?:gedanken)?|suizid(?:al|gedanken)?|lebensmude|lebensmuede',
    '(?:ich )?ritze mich|ritz mich|(?:mich |am |mit dem )?ritzen|selbstverletz(?:ung|en|e)|verletze mich (?:selbst|selber)|schneide mich (?:selbst|selber|wieder|absichtlich)',
    'besser (?:dran )?ohne mich|ohne mich besser dran',
    '(?:keinen|kein) (?:sinn|grund) (?:mehr )?(?:zu leben|zum leben|weiterzuleben)|(?:will|mag|kann) nicht mehr leben',
    'von (?:der|einer) brucke springen|vom dach springen|vor (?:den|einen) zug (?:springen|werfen)|alle (?:meine )?tabletten (?:schlucken|nehmen)',
  ],
  immediate_danger: [
    `${DE_THEY} (?:steht|ist|wartet|sitzt|lauert) (?:gerade |jetzt |schon |hier )*(?:vor|bei|an|in) (?:meiner|unserer|der|meinem|unserem|dem) (?:tur|haustur|haus|wohnung|fenster|zimmer)`,
    `${DE_THEY} (?:schlagt|haut|verprugelt|wurgt|vergewaltigt|tritt|beruhrt|missbraucht) mich|${DE_THEY} (?:hat|haben) mich (?:geschlagen|vergewaltigt|entfuhrt|eingesperrt|verprugelt|gewurgt|betaubt)`,
    { re: `${DE_THEY} (?:will|wollen|wird|werden|droht|drohte|hat gedroht)(?: mich)?(?: zu)? (?:umbringen|umzubringen|toten|schlagen|vergewaltigen)`, unless: DE_IDIOM },
    `${DE_THEY} (?:verfolgt|stalkt) mich${notBefore('auf', 'bei', 'online', 'im (?:netz|internet)')}`,
    `(?:ich bin|bin) in gefahr${notBefore('zu', 'durchzufallen')}|fuhle mich (?:hier |zuhause |zu hause )?nicht (?:mehr )?sicher${notBefore('mit', 'bei (?:dem|diesem) (?:link|bot)')}|angst um mein leben`,
    '(?:ruft|ruf|rufen sie|holt|hol) (?:die polizei|die bullen|den notruf|110|112|einen krankenwagen)',
    `${DE_THEY} (?:hat|hatte|halt) (?:ein|eine|einen) (?:messer|waffe|pistole)`,
    `(?:hat mich|haben mich|bin) (?:eingesperrt|eingeschlossen|entfuhrt)|${DE_THEY} weis wo ich wohne`,
  ],
});
