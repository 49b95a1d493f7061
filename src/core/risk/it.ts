// Italian risk phrases as teens type them ("mi voglio ammazzare", "farla finita"), with "muoio dal ridere" and "mia madre mi ammazza" left alone.

import { book, notBefore } from './book';

// "Mi ammazza se lo scopre" is the idiom about a parent finding out.
const IT_IDIOM = 'se (?:lo |la )?(?:scopre|scoprono|sa|sanno|vede|vedono)|mia madre|mio padre|mia mamma|mio papa|i miei';

export const it = book('latin', {
  self_harm: [
    `(?:voglio|vorrei|vojo|ho voglia di|mi va di|preferirei) (?:solo |davvero |proprio |tanto )?(?:morire|uccidermi|ammazzarmi|suicidarmi|farla finita|sparire per sempre|non esistere piu)${notBefore('dal ridere', 'dalle risate')}`,
    'mi (?:voglio|vorrei|vado a|sto per|devo) (?:uccidere|ammazzare|suicidare|impiccare|buttare (?:giu|dal|dalla|sotto))',
    'suicid(?:io|armi|ario|aria|arsi)|autolesionismo|autolesion(?:e|i|arsi|armi)|farla finita',
    '(?:mi taglio|tagliarmi|mi sono tagliat[oa]|mi taglio ancora) (?:le |i )?(?:braccia|polsi|gambe|vene)|(?:ricominciato|ricominciata|continuo|smettere|ripreso) a tagliarmi',
    'non (?:voglio|ce la faccio a|riesco a) (?:piu )?vivere|non voglio vivere piu|(?:nessun|nessuna) (?:motivo|ragione) (?:per|di) vivere',
    'mi (?:faccio|sto facendo) del male|farmi del male|(?:meglio|meglio tutti) senza di me',
  ],
  immediate_danger: [
    '(?:e|sta|stanno|aspetta|mi aspetta|c e qualcuno|c e uno|c e un tipo) (?:gia |ancora |proprio |qui )*(?:sotto|fuori|davanti a|davanti alla|fuori da|fuori dalla) (?:casa mia|la mia casa|la mia porta|porta di casa|camera mia)',
    `(?:qualcuno|lui|lei|mi|mio padre|mio patrigno) (?:mi )?(?:sta|stanno) (?:picchiando|menando|toccando|violentando|strangolando|seguendo|inseguendo)${notBefore('su', 'online', 'ovunque su')}`,
    { re: 'mi (?:vuole|vogliono|vuol|va a|minaccia di|ha minacciato di) (?:uccidere|ammazzare|picchiare|violentare|rapire)|(?:vuole|vogliono|minaccia di|ha detto che vuole) (?:uccidermi|ammazzarmi|picchiarmi|violentarmi)', unless: IT_IDIOM },
    `(?:sono|siamo) in pericolo|non mi sento (?:al )?sicur[oa]${notBefore('di', 'che', 'se', 'a')}|ho paura per la mia vita`,
    '(?:chiamate|chiama|chiamare) (?:la polizia|i carabinieri|il 112|il 113|un ambulanza|l ambulanza|lambulanza)',
    '(?:ha|hanno|tiene) (?:un|una) (?:coltello|pistola|arma)',
    'mi (?:ha|hanno) (?:rinchius[oa]|rapit[oa]|violentat[oa]|drogat[oa]|picchiat[oa])',
    { re: '(?:aiuto )+aiuto(?: (?:vi prego|subito|presto))*|qualcuno mi aiuti(?: (?:vi prego|subito|per favore))*', whole: true },
  ],
});
