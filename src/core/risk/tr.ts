// Turkish risk phrases, with and without Turkish letters ("ölmek istiyorum", "olmek istiyom", "edicem"), with "gülmekten ölüyorum" and "annem beni öldürür" left alone.

import { book, notBefore } from './book';

// Written folded: ö as o, ü as u, ş as s, ç as c, ğ as g, ı and İ as i.
// "Annem beni öldürür (öğrenirse)" is the idiom about a parent finding out.
const TR_IDIOM = 'annem|babam|annemler|ogrenirse|duyarsa|gorurse|anlarsa';

export const tr = book('latin', {
  self_harm: [
    'olmek ist(?:iyorum|iyom|iyorm|iyordum|erim|edim|iyo)|olesim var|olsem (?:daha iyi|keske|de kurtulsam)|keske olsem|keske hic dogmasaydim',
    'intihar',
    'kendimi (?:olduruce(?:gim|m)|oldurcem|oldurecem|oldurecegim|oldurmek|oldurmeyi|asacagim|asicam|kesiyorum|kestim|kesicem|jiletle(?:dim|iyorum)|yaraliyorum)',
    '(?:kopruden|camdan|balkondan|catidan|binadan) (?:kendimi )?(?:atacagim|atcam|aticam|atlayacagim|atlicam|atlarim)',
    'kendime zarar (?:veriyorum|vericem|verecegim|vermek|verdim)|(?:kollarimi|bileklerimi|bilegimi|kolumu) (?:kesiyorum|kestim|kesicem|kesecegim|jiletledim)|jilet (?:attim|atiyorum)',
    '(?:yasamak|yasamayi) (?:istemiyorum|istemiyom|istemiyorm)|yasamak icin (?:bir )?sebep(?:im)? yok|bensiz daha iyi',
  ],
  immediate_danger: [
    '(?:evimin|evimizin|kapimin|kapimizin|odamin) (?:onunde|kapisinda|disinda|icinde)',
    '(?:biri|birisi|o|adam|babam|uvey babam|abim) (?:beni|bana) (?:dovuyor|vuruyor|dovdu|darp ediyor|tecavuz etti|tecavuz ediyor|dokunuyor|bogazliyor)',
    { re: 'beni (?:oldurecek|oldurecegini|oldurcek|oldurmekle|oldurmeye)', unless: TR_IDIOM },
    `beni (?:takip ediyor|takip ediyo|kovaliyor)${notBefore('(?:instagramdan|instadan|internetten)')}`,
    'tehlikedeyim|tehlikede hissediyorum|guvende (?:degilim|hissetmiyorum)',
    'polis(?:i|e)? (?:arayin|ara|cagirin|cagir)|(?:155|112)(?:i|yi)? (?:arayin|ara)',
    '(?:elinde|yaninda|cebinde) (?:bicak|silah|tabanca)',
    { re: 'imdat(?: (?:imdat|lutfen|biri yardim etsin))*|biri yardim etsin', whole: true },
  ],
});
