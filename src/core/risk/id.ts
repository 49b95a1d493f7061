// Indonesian risk phrases as teens type them ("gw pengen mati aja", "bundir", "nyilet"), with "mati gaya", "mati lampu" and "hp mau mati" left alone.

import { book, notBefore } from './book';

const ID_ME = '(?:aku|aq|gw|gue|gua|saya|ane|w)';
const ID_THEY = '(?:dia|doi|orang itu|ada orang|ada cowok|cowok itu|om itu|mantan(?:ku| gw| aku)?|bapak tiri(?:ku)?|ayah tiri(?:ku)?)';
// A phone, lamp or battery "about to die" is not a person.
const ID_THINGS = '(?:hp|hape|handphone|batre|baterai|batrei|laptop|lampu|listrik|mesin|motor|mobil|tanaman|wifi|sinyal)(?: ?(?:ku|gw|gue|aku|nya))? (?:mau|udah mau|hampir|pengen) mati';

export const id = book('latin', {
  self_harm: [
    {
      re: `(?:pengen|pengin|pingin|ingin|mau|mo|pgn|pgen|pen|kepengen|pengennya) (?:aja |banget |bgt |rasanya |cepet )*(?:mati|bunuh diri|bundir|mengakhiri hidup|ngakhirin hidup|menghilang selamanya)${notBefore('gaya', 'lampu', 'listrik', 'kutu', 'rasa', 'kelaparan', 'ketawa')}`,
      unless: ID_THINGS,
    },
    'bunuh diri|bundir|bunuhdiri|gantung diri',
    `(?:nyakitin|menyakiti|melukai|ngelukain|nyilet|menyilet|nyayat|menyayat|sayat|silet) (?:diri (?:sendiri|${ID_ME})|tangan|tanganku|pergelangan|lengan|nadi)`,
    `(?:gak|ga|nggak|ngga|enggak|tidak|tak|gk|g|udah gak|udah ga) (?:mau|pengen|ingin|pgn|kuat) hidup${notBefore('miskin', 'sama', 'bareng', 'dengan', 'di', 'sendiri')}`,
    `(?:mending|lebih baik|mendingan) (?:${ID_ME} )?mati(?: aja)?${notBefore('gaya', 'lampu')}|mati aja (?:lah|deh)`,
    'lompat dari (?:gedung|jembatan|atap|lantai)|minum (?:racun|obat nyamuk|baygon|sebotol obat)',
  ],
  immediate_danger: [
    `${ID_THEY} (?:ada |lagi |sekarang |udah |sedang )*(?:di|didepan|diluar|dekat|deket) (?:depan )?(?:rumah|rumahku|kamar|kamarku|kos|kosan|kost|pintu)`,
    `(?:${ID_THEY}|ada yang) (?:lagi |sedang |terus )?(?:mukulin|memukul|mukul|nyakitin|menyakiti|ngikutin|mengikuti|nguntit|menguntit|memperkosa|perkosa|nyekik|mencekik) ${ID_ME}${notBefore('di (?:ig|instagram|tiktok|twitter|x|fb|facebook|medsos|wa)', 'terus di (?:ig|medsos)')}`,
    { re: `${ID_THEY} (?:mau|bakal|akan|ngancam (?:mau )?|ngancem (?:mau )?|mengancam akan) (?:bunuh|ngebunuh|membunuh|mukulin|nyakitin|perkosa|nyulik|menculik) ${ID_ME}`, unless: '(?:kalau|kalo|klo|kl) (?:dia )?(?:tau|tahu|ketahuan)' },
    `${ID_ME} (?:dalam|lagi dalam|sedang dalam|lagi) bahaya|(?:gak|ga|tidak|nggak) aman di rumah|takut dibunuh`,
    '(?:panggil|panggilin|telpon|telepon|hubungi) (?:polisi|110|112|ambulans)',
    `${ID_THEY} (?:bawa|pegang|punya|megang) (?:pisau|senjata|pistol|golok|celurit)`,
    `${ID_ME} (?:dikurung|disekap|diculik|diperkosa|dipukulin)`,
  ],
});
