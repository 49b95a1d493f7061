// Italian words for typed answers, as teens type them (sisi, boh, nn so, cmq), with or without accents.

import type { Lexicon } from '../lexicon';

export const it: Lexicon = {
  locale: 'it',
  script: 'latin',
  intents: {
    yes: [
      'sisi', 'si si', 'certo', 'certamente', 'esatto', 'esattamente', 'giusto', 'va bene', 'vabbe', 'ovvio', 'ovviamente', 'sicuro', 'assolutamente si', 'penso di si',
      'credo di si', 'direi di si', '=gia', 'si esatto', 'confermo', 'proprio cosi', 'si certo', 'si purtroppo', 'si lo ero', 'si ce lha', 'cioe si', 'anzi si',
    ],
    no: [
      'non', 'nono', 'assolutamente no', 'per niente', 'macche', '=mai', 'mai successo', 'nessuno', 'nessuna', 'niente', 'penso di no', 'credo di no',
      'direi di no', 'non proprio', 'non credo', 'non lo ero', 'non ero', 'no nessuno',
    ],
    unsure: [
      'non lo so', '=non so', '=io non so', '=io non lo so', '=nn lo so', '=nn so', 'forse si', 'forse no', 'non lo', 'boh', 'bho', 'mah', 'non saprei', 'forse', '=nse', 'nn lo so', 'non sono sicura', 'non sono sicuro',
      'non ne sono sicura', 'non ne sono sicuro', 'non mi ricordo', 'non ricordo', 'non me lo ricordo', 'probabilmente', 'puo darsi', 'magari', 'chi lo sa', 'non so dire',
      'non so proprio', '=boh non so',
    ],
    self: [
      '=io', 'io e', 'io stessa', 'io stesso', 'sono io', 'su di me', 'riguarda me', 'di me', 'le mie foto', 'la mia foto', 'mie foto', 'i miei video', 'il mio video', 'per me',
      'e mia', 'e mio', 'sono mie', '=a me', 'proprio io', 'sono io quella', 'sono io quello', 'io personalmente', 'parla di me',
    ],
    helper: [
      'qualcun altro', 'qualcunaltro', 'unaltra persona', 'altra persona', 'per qualcuno', 'la mia amica', 'mia amica', 'il mio amico', 'mio amico', 'una mia amica',
      'un mio amico', 'unamica', 'un amico', 'la mia migliore amica', 'il mio migliore amico', 'mia figlia', 'mio figlio', 'mia sorella', 'mio fratello', 'mia cugina',
      'mio cugino', 'mia studentessa', 'mio studente', 'mia alunna', 'mio alunno', 'la mia ragazza', 'il mio ragazzo', 'mia nipote', 'mio nipote', 'mia zia', 'mio zio',
      'non io', 'non sono io', 'non riguarda me', 'aiuto unamica', 'sto aiutando', 'per unamica', 'per un amico', 'sono la madre', 'sono il padre', 'sono un genitore',
      'sono la mamma', 'sono il papa', 'sono un prof', 'sono una prof', 'sono insegnante', 'una compagna', 'un compagno', 'mia compagna', 'mio compagno', 'le mie amiche', 'i miei amici',
    ],
    human: [
      'persona vera', 'una persona vera', 'persona reale', 'essere umano', '=umano', 'parlare con qualcuno', 'parlare con una persona', 'parlare con un umano',
      'posso parlare con', 'voglio parlare con', 'sei un bot', 'sei un robot', 'sei vero', 'sei reale', 'sei una persona', 'un operatore', 'operatore', '=aiuto',
      'un consulente',
    ],
    back: [
      '=indietro', 'torna indietro', 'tornare indietro', 'vai indietro', 'domanda precedente', '=precedente', '=annulla', '=ho sbagliato', 'ho sbagliato tasto',
      'ho sbagliato risposta', 'ho sbagliato a cliccare', 'ho sbagliato a premere', 'tasto sbagliato', 'ho cliccato male', 'ho premuto male', 'cambiare risposta',
      'cambia risposta', 'voglio cambiare risposta', '=ops', 'ops ho sbagliato',
    ],
    new_link: ['nuovo link', 'un altro link', 'altro link', 'il link non funziona', 'link non va', 'link scaduto', 'rimanda il link', 'mandami il link'],
    nude: [
      'nuda', 'nudo', 'nudi', 'senza vestiti', 'in intimo', 'intimo', 'in mutande', 'in reggiseno', 'reggiseno', 'sessuale', 'sessuali', 'porno', 'tette', 'seno nudo',
      'mezza nuda', 'seminuda', 'foto intime', 'foto hot',
    ],
    not_nude: ['non nuda', 'non nudo', 'non ero nuda', 'non ero nudo', 'non era nuda', 'vestita', 'vestito', 'con i vestiti', 'solo la mia faccia', 'solo il viso', 'foto normale', 'niente di sessuale', 'non sessuale'],
    have_copy: ['ce lho', 'ce le ho', 'le ho', 'lho salvata', 'le ho salvate', 'sul mio telefono', 'sul telefono', 'nel telefono', 'nella galleria', 'ho una copia', 'ce lho ancora', 'le ho ancora'],
    no_copy: [
      'non ce lho', 'non ce le ho', 'non le ho', 'non lho', 'non ce lho piu', 'non le ho piu', 'cancellata', 'cancellate', 'lho cancellata', 'le ho cancellate', 'eliminata',
      'eliminate', 'non ho una copia', 'nessuna copia', 'solo online', 'non e sul telefono',
    ],
    confused: ['non capisco', 'non ho capito', 'nn capisco', 'nn ho capito', 'cosa vuoi dire', 'che vuol dire', 'che significa', 'in che senso'],
  },
  numbers: {
    nove: 9, dieci: 10, undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19, venti: 20,
  },
  below: ['meno di', 'sotto i', 'sotto', 'quasi', 'non ancora', 'ancora non', 'neanche', 'nemmeno'],
  atLeast: ['piu di', 'sopra i', 'sopra', 'almeno', 'oltre'],
  orMore: ['o piu', 'in su', 'e oltre'],
  fillers: ['ehm', 'mmm', 'allora', 'cioe', 'beh', 'raga', 'ahah', 'ahahah', 'per favore', 'per piacere', 'dai', 'insomma', 'cmq', 'comunque'],
  particles: [],
  disclosure: [
    'minacci\\w*|ricatt\\w*|estors\\w*|sextortion|sextorsione',
    '(?:vuole|vogliono|voleva|chiede|chiedono|chiedeva|pretende|pretendono|ha chiesto)(?: \\w+){0,3} (?:soldi|denaro|euro|\\d+|usd|bitcoin|crypto|ricarica|ricariche|paysafe\\w*|gift ?card|altre foto|piu foto|altri video|nuove foto)',
    'se non (?:\\w+ ){0,2}(?:pago|mando|invio|do|faccio)',
    '(?:vuole|vogliono|minaccia di|dice che|ha detto che)(?: \\w+){0,3} (?:pubblica\\w*|manda\\w*|condivid\\w*|diffond\\w*|posta\\w*|mostra\\w*|far vedere|fa vedere|fara vedere)',
  ],
  negators: ['nessuno', 'non', 'mai', 'niente', 'nulla', 'no'],
  contrast: ['ma', 'pero'],
  languages: { italiano: 'it', italian: 'it', inglese: 'en', spagnolo: 'es', tailandese: 'th' },
};
