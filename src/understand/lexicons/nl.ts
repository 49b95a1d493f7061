// Dutch words for typed answers, as teens in the Netherlands and Flanders type them (jep, nee hoor, idk, mss, wn, mn).

import type { Lexicon } from '../lexicon';

export const nl: Lexicon = {
  locale: 'nl',
  script: 'latin',
  intents: {
    yes: [
      '=ja', '^ja', 'jep', 'jup', 'jazeker', 'ja hoor', 'zeker', 'klopt', 'dat klopt', 'ja klopt', 'tuurlijk', 'natuurlijk', 'idd', 'inderdaad', 'precies',
      'ik denk het', 'denk het wel', 'ik denk het wel', '=wel', 'ja zeker', 'oke', 'is goed', 'ja was ik', 'ja heb ik', 'ja heeft hij', 'jawel', 'toch ja', 'en ja', 'of ja',
    ],
    no: [
      '=nee', '^nee', 'neen', 'neuh', 'nope', 'nooit', 'niemand', 'helemaal niet', 'echt niet', 'niet echt', 'denk het niet', 'ik denk het niet', '=niet', 'nee hoor',
      '=geen', 'neej', 'nee dank je', 'en nee', 'of nee', 'was ik niet', 'heeft niemand', 'niemand heeft', 'nog nooit', 'heeft hij niet', 'heeft ze niet',
    ],
    unsure: [
      'weet ik niet', 'ik weet het niet', 'weet niet', 'ik weet niet', 'geen idee', 'gn idee', 'geen flauw idee', '=wn', 'misschien', 'mss', 'mischien', 'weet ik veel',
      'niet zeker', 'ik weet het niet zeker', 'ik twijfel', 'waarschijnlijk', 'kan zijn', 'ik weet het niet meer', 'weet ik niet meer', 'ik herinner het me niet',
      'weet ik eigenlijk niet', 'geen idee eigenlijk', 'mss ja', 'misschien ja', 'misschien wel', 'mss wel', 'mss nee', 'misschien niet',
    ],
    self: [
      '=ik', 'ik en', 'ik zelf', 'ikzelf', 'over mij', 'het gaat over mij', 'gaat over mij', 'mijn fotos', 'mijn foto', 'mn fotos', 'mn foto', 'mijn nudes', 'mijn video',
      'mijn videos', 'voor mij', 'ben ik', 'dat ben ik', 'ik ben het', 'ikke', 'mezelf', 'van mij', 'mijzelf', '=mij',
    ],
    helper: [
      'iemand anders', 'een ander', 'andere persoon', 'voor iemand', 'mijn vriendin', 'mijn vriend', 'mn vriendin', 'mn vriend', 'mijn vrienden', 'een vriendin',
      'een vriend', 'mijn beste vriendin', 'mijn beste vriend', 'mijn dochter', 'mijn zoon', 'mijn zus', 'mijn zusje', 'mijn broer', 'mijn broertje', 'mijn nicht',
      'mijn neef', 'mijn leerling', 'mijn leerlinge', 'mijn klasgenoot', 'mijn klasgenote', 'niet ik', 'niet over mij', 'niet mij', 'ik help iemand', 'ik help een vriendin',
      'voor een vriendin', 'voor een vriend', 'voor mijn vriendin', 'voor mijn dochter', 'ik ben ouder', 'ik ben moeder', 'ik ben vader', 'ik ben de moeder', 'ik ben docent',
      'ik ben leraar', 'ik ben lerares', 'mn zus', 'mn dochter', 'mn broer',
    ],
    human: [
      'echt persoon', 'echte persoon', 'echt mens', 'een echt mens', 'een mens', '=mens', 'met iemand praten', 'praten met iemand', 'met een mens praten', 'met een mens',
      'met een persoon', 'kan ik praten met', 'ik wil praten met', 'ben je een bot', 'ben jij een bot', 'ben je echt', 'ben je een robot', 'hulpverlener', 'medewerker',
      '=hulp', 'iemand spreken',
    ],
    back: [
      '=terug', 'ga terug', 'terug gaan', 'vorige vraag', '=vorige', 'ongedaan maken', 'verkeerd geklikt', 'verkeerd gedrukt', 'verkeerde knop', 'misgeklikt', '=oeps',
      'oeps verkeerd', 'antwoord veranderen', 'antwoord wijzigen', 'mijn antwoord aanpassen',
    ],
    new_link: ['nieuwe link', 'andere link', 'link werkt niet', 'link doet het niet', 'link is verlopen', 'link opnieuw', 'stuur de link'],
    nude: [
      'naakt', 'naaktfoto', 'naaktfotos', 'bloot', 'in mijn ondergoed', 'ondergoed', 'in mn bh', 'beha', 'seksueel', 'seksuele', 'porno', 'zonder kleren',
      'zonder kleding', 'halfnaakt', 'half naakt', 'tieten', 'borsten',
    ],
    not_nude: ['niet naakt', 'was niet naakt', 'niet bloot', 'aangekleed', 'met kleren aan', 'met kleding', 'alleen mijn gezicht', 'gewone foto', 'normale foto', 'niks seksueels', 'niet seksueel'],
    have_copy: ['ik heb het', 'ik heb ze', 'heb ze nog', 'heb het nog', 'op mijn telefoon', 'op mn telefoon', 'op mijn mobiel', 'in mijn galerij', 'opgeslagen', 'ik heb een kopie', 'heb ik nog'],
    no_copy: [
      'heb het niet', 'heb ze niet', 'heb het niet meer', 'heb ze niet meer', 'ik heb het niet', 'verwijderd', 'ik heb het verwijderd', 'geen kopie',
      'niet op mijn telefoon', 'niet op mn telefoon', 'alleen online', 'heb ik niet meer', '=weg', 'is weg',
    ],
    confused: ['ja nee', 'snap het niet', 'ik snap het niet', 'snap ik niet', 'begrijp het niet', 'ik begrijp het niet', 'snap niet', 'wat bedoel je', 'wat betekent dat'],
  },
  numbers: {
    negen: 9, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19, twintig: 20,
  },
  below: ['onder', 'onder de', 'jonger dan', 'minder dan', 'bijna', 'nog geen'],
  atLeast: ['boven', 'boven de', 'ouder dan', 'meer dan', 'minstens', 'vanaf'],
  orMore: ['of ouder', 'of meer', 'en ouder', 'of hoger'],
  fillers: ['uhm', 'ehm', 'nou', 'nou ja', 'dus', 'zeg maar', 'hahaha', 'alsjeblieft', 'aub', 'eigenlijk', 'joh'],
  particles: [],
  disclosure: [
    'dreig\\w*|bedreig\\w*|gedreigd|chantage|gechanteerd|afpers\\w*|sextortion',
    '(?:hij|zij|ze|die|iemand|jongen|gast)(?: \\w+){0,2} (?:gaat|gaan|wil|willen|zal|zou|dreigt)(?: \\w+){0,3} (?:posten|delen|sturen|versturen|doorsturen|verspreiden|laten zien|online zetten|uploaden|lekken|openbaar maken)',
    'als ik (?:\\w+ ){0,2}(?:niet|geen) (?:\\w+ ){0,2}(?:betaal|stuur|geef|doe)',
    '(?:wil|willen|vraagt|vragen|vroeg|eist|eisen|eiste)(?: \\w+){0,3} (?:geld|euro|\\d+|usd|bitcoin|crypto|cadeaukaart\\w*|tikkie|meer (?:fotos|naaktfotos|nudes|videos)|nieuwe (?:fotos|nudes))',
  ],
  negators: ['niemand', 'niet', 'nooit', 'geen', 'nee', 'niks', 'niets'],
  contrast: ['maar'],
  languages: { nederlands: 'nl', dutch: 'nl', vlaams: 'nl', engels: 'en', spaans: 'es', thais: 'th' },
};
