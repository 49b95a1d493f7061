// German words for typed answers, as teens type them (jap, nö, kp, vllt), with or without umlauts (ü as u or ue) and ß.

import type { Lexicon } from '../lexicon';

export const de: Lexicon = {
  locale: 'de',
  script: 'latin',
  intents: {
    yes: [
      '=ja', '^ja', 'jap', 'jup', 'jep', '=jo', 'joa', 'jawohl', 'ja genau', 'genau', 'stimmt', 'richtig', 'klar', 'na klar', 'sicher', 'auf jeden fall', 'ajf',
      'ich glaube schon', 'glaub schon', 'denke schon', '=schon', 'ja war ich', 'ja bin ich', 'ja hab ich', 'ja hat er', 'ja leider', 'jo genau', 'doch ja', '=doch', 'und ja', 'oder ja',
    ],
    no: [
      'nein', '=nee', '^nee', '=nö', '^nö', 'noe', 'nope', 'nein danke', 'auf keinen fall', 'niemals', '=nie', 'niemand', '=keiner', '=keine', 'gar nicht', 'garnicht',
      'überhaupt nicht', 'ueberhaupt nicht', 'eher nicht', 'nicht wirklich', 'glaub nicht', 'ich glaube nicht', 'denke nicht', 'ich denke nicht', '=nicht',
      'war ich nicht', 'bin ich nicht', 'hat er nicht', 'hat keiner', 'hat niemand', 'keiner hat', 'niemand hat', 'noch nie', 'nicht mehr',
    ],
    unsure: [
      'weiß nicht', 'weiss nicht', 'weis nich', 'ich weiß nicht', 'weiß ich nicht', 'weiss ich nicht', 'ich weiß es nicht', 'kp', 'kein plan', 'keine ahnung', '=ka',
      'vielleicht', 'vllt', 'vlt', 'evtl', 'eventuell', 'wahrscheinlich', 'wsl', 'nicht sicher', 'bin nicht sicher', 'bin mir nicht sicher', 'unsicher',
      'weiß ich nicht mehr', 'weiss ich nicht mehr', 'erinnere mich nicht', 'kann mich nicht erinnern', 'keine ahnung mehr', 'schwer zu sagen',
    ],
    self: [
      '=ich', 'ich und', 'ich selbst', 'ich selber', 'um mich', 'es geht um mich', 'geht um mich', 'über mich', 'ueber mich', 'meine bilder', 'meine fotos', 'mein bild', 'mein foto',
      'meine nudes', 'mein video', 'meine videos', 'für mich', 'fuer mich', 'das bin ich', 'bin ich', 'ich bins', 'ich bin es', 'ich bin das', '=mir', '=mich', 'von mir',
    ],
    helper: [
      'jemand anderes', 'jemand anders', 'jemanden anderen', 'eine andere person', 'andere person', 'für jemanden', 'fuer jemanden', 'meine freundin', 'mein freund',
      'meine freunde', 'eine freundin', 'ein freund', 'ein kumpel', 'mein kumpel', 'meine beste freundin', 'mein bester freund', 'meine tochter', 'mein sohn',
      'meine schwester', 'meine kleine schwester', 'mein bruder', 'mein kleiner bruder', 'meine cousine', 'mein cousin', 'meine schülerin', 'meine schuelerin', 'mein schüler',
      'mein schueler', 'meine nichte', 'mein neffe', 'nicht ich', 'nicht um mich', 'nicht für mich', 'nicht fuer mich', 'ich helfe', 'für eine freundin',
      'fuer eine freundin', 'für meine freundin', 'fuer meine freundin', 'ich bin mutter', 'ich bin vater', 'ich bin die mutter', 'ich bin der vater', 'ich bin lehrer',
      'ich bin lehrerin', 'klassenkameradin', 'klassenkamerad', 'mitschülerin', 'mitschuelerin',
    ],
    human: [
      'echte person', 'echten person', 'echten menschen', 'echter mensch', 'einem menschen', '=mensch', 'mit jemandem reden', 'mit jemandem sprechen', 'mit einem menschen',
      'mit einer person', 'kann ich mit', 'ich will mit', 'ich möchte mit', 'ich moechte mit', 'bist du ein bot', 'bist du ein mensch', 'bist du echt',
      'bist du ein roboter', 'berater', 'beraterin', '=hilfe', 'mitarbeiter',
    ],
    back: [
      '=zurück', '=zurueck', 'zurück gehen', 'zurueck gehen', 'geh zurück', 'geh zurueck', 'rückgängig', 'rueckgaengig', 'vorherige frage', 'letzte frage', 'falsch geklickt',
      'falsch gedrückt', 'falsch gedrueckt', 'falscher knopf', 'falscher button', 'verklickt', 'vertippt', '=ups', '=hoppla', 'antwort ändern', 'antwort aendern',
    ],
    new_link: ['neuer link', 'neuen link', 'anderen link', 'link geht nicht', 'link funktioniert nicht', 'link abgelaufen', 'link nochmal', 'nochmal den link'],
    nude: [
      'nackt', 'nacktbilder', 'nacktbild', 'nacktfotos', 'nacktfoto', 'nackig', 'oben ohne', 'unterwäsche', 'unterwaesche', 'in unterhose', 'im bh', '=bh', 'sexuell',
      'porno', 'brüste', 'brueste', 'titten', 'ohne kleidung', 'ohne klamotten', 'halbnackt', 'intime bilder', 'intime fotos', 'freizügig', 'freizuegig',
    ],
    not_nude: ['nicht nackt', 'war nicht nackt', 'angezogen', 'mit kleidung', 'mit klamotten', 'nur mein gesicht', 'normales bild', 'normales foto', 'nichts sexuelles', 'nicht sexuell'],
    have_copy: ['ich hab es', 'ich habe es', 'hab es noch', 'hab sie noch', 'habe sie noch', 'ich hab sie', 'auf meinem handy', 'in meiner galerie', 'hab ich noch', 'hab ne kopie', 'habe eine kopie', 'gespeichert'],
    no_copy: [
      'hab es nicht', 'habe es nicht', 'hab sie nicht', 'hab es nicht mehr', 'hab sie nicht mehr', 'habe keine kopie', 'keine kopie', 'gelöscht', 'geloescht',
      'nicht mehr auf meinem handy', 'nicht auf meinem handy', 'nur online', 'hab ich nicht mehr',
    ],
    confused: ['versteh ich nicht', 'verstehe ich nicht', 'ich verstehe nicht', 'ich versteh nicht', 'versteh nicht', 'verstehe nicht', 'was meinst du', 'was heißt das', 'was heisst das', '=hä', '=hae'],
  },
  numbers: {
    neun: 9, zehn: 10, elf: 11, zwölf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
    neunzehn: 19, zwanzig: 20,
  },
  below: ['unter', 'jünger als', 'juenger als', 'weniger als', 'fast', 'noch nicht', 'knapp'],
  atLeast: ['über', 'ueber', 'älter als', 'aelter als', 'mehr als', 'mindestens', 'ab'],
  orMore: ['oder älter', 'oder aelter', 'oder mehr', 'und älter', 'und aelter', 'oder drüber', 'oder drueber'],
  fillers: ['ähm', 'aehm', 'äh', 'aeh', 'also', 'naja', 'na ja', 'halt', 'digga', 'digger', 'bitte', 'danke', 'xd', 'ehrlich gesagt', 'ey'],
  particles: [],
  disclosure: [
    'droh\\w*|bedroh\\w*|erpress\\w*|sextortion|sextorsion',
    '(?:er|sie|der|die|typ|kerl|jemand)(?: \\w+){0,2} (?:will|wollen|wird|werden|droht|drohte)(?: \\w+){0,3} (?:posten|teilen|schicken|senden|verschicken|zeigen|veroffentlichen|veroeffentlichen|hochladen|leaken|verbreiten|rumschicken|weiterleiten)',
    'wenn ich (?:\\w+ ){0,2}nicht (?:zahle|bezahle|zahl|schicke|sende|mache|uberweise|ueberweise)',
    'sonst (?:\\w+ ){0,3}(?:postet|teilt|schickt|zeigt|veroffentlicht|veroeffentlicht|leakt|verbreitet)',
    '(?:will|wollen|verlangt|verlangen|fordert|fordern|mochte|moechte)(?: \\w+){0,3} (?:geld|kohle|euro|\\d+|usd|bitcoin|krypto|gutscheine?|paysafe\\w*|mehr (?:bilder|fotos|nacktbilder|nudes|videos)|neue (?:bilder|fotos|nudes))',
  ],
  negators: ['niemand', 'keiner', 'keine', 'kein', 'nicht', 'nie', 'nein', 'nichts', 'niemals'],
  contrast: ['aber', 'sondern'],
  languages: { deutsch: 'de', german: 'de', englisch: 'en', spanisch: 'es', thailandisch: 'th', thai: 'th' },
};
