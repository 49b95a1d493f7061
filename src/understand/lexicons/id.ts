// Indonesian words for typed answers, as teens type them (iya kak, gak, gatau, gw, wkwk), formal and Jakarta slang.

import type { Lexicon } from '../lexicon';

export const id: Lexicon = {
  locale: 'id',
  script: 'latin',
  intents: {
    yes: [
      'iya', 'iyah', 'iye', '=iyo', '=iy', 'ya benar', 'ya betul', 'iya benar', 'iya betul', 'yoi', 'yups', 'yap', 'betul', 'bener', 'benar', 'betul banget', 'bener banget',
      '=he eh', 'heeh', 'oke', 'siap', 'tentu', 'tentu saja', '=pasti', 'jelas', 'emang', 'memang', 'iya dong', 'iya sih', 'sepertinya iya', 'kayaknya iya', 'kayanya iya', 'ya iya', 'ya min', 'iya min', 'ya kak',
      '=ada', 'ada kok', 'iya ada', 'ya ada', 'udah pasti',
    ],
    no: [
      'tidak', 'tdk', 'gak', 'ga', '=g', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'ngak', 'kagak', 'kaga', 'nda', 'ndak', 'tak', 'bukan', 'bkn', 'gak kok', 'ga kok',
      'tidak pernah', 'gak pernah', 'ga pernah', 'nggak pernah', 'belum pernah', 'gak ada', 'ga ada', 'nggak ada', 'gaada', 'gada', 'ngga ada', 'gak ada kok',
      'tidak sama sekali', 'sama sekali tidak', 'gak sama sekali', 'gak ada yang', 'ga ada yang', 'tidak ada yang', 'nope',
    ],
    unsure: [
      'tidak tahu', 'tidak tau', 'gak tau', 'ga tau', 'gatau', 'nggak tau', 'ngga tau', 'enggak tau', 'gk tau', 'gtw', 'gatw', 'gak tahu', 'ga tahu', 'tau deh', 'entah',
      'entahlah', 'gak yakin', 'ga yakin', 'nggak yakin', 'kurang yakin', 'belum yakin', 'mungkin', 'mgkn', '=kayaknya', 'lupa', 'aku lupa', 'gak inget', 'ga inget',
      'nggak inget', 'tidak ingat', 'bisa jadi', 'gak tau juga', 'tak tau', 'tak tahu',
    ],
    self: [
      '=aku', 'aku sama', 'aku dan', 'saya dan', 'aku sendiri', 'saya sendiri', 'gue sendiri', 'gw sendiri', '=saya', '=gue', '=gua', '=gw', 'tentang saya', 'tentang gue', 'tentang gw', 'ini aku', 'ini saya',
      'fotoku', 'foto aku', 'foto saya', 'foto gue', 'foto gw', 'videoku', 'video aku', 'video saya', 'buat aku', 'untuk aku', 'untuk saya', 'buat saya', 'buat gue', 'punyaku',
      'punya aku', 'punya saya', 'diriku', 'diri sendiri', 'aku yang', 'aku yg', 'saya yang', 'aku korbannya', 'aku sendiri kak',
    ],
    helper: [
      'orang lain', 'buat orang lain', 'temen aku', 'temenku', 'temanku', 'teman aku', 'teman saya', 'temen saya', 'temen gue', 'temen gw', 'sahabat aku', 'sahabatku',
      'sahabat saya', 'bestie aku', 'pacar aku', 'pacarku', 'pacar saya', 'anak saya', 'anakku', 'anak aku', 'putri saya', 'putra saya', 'adik aku', 'adikku', 'adik saya',
      'adek aku', 'adekku', 'kakak aku', 'kakakku', 'kakak saya', 'sepupu aku', 'sepupuku', 'murid saya', 'muridku', 'siswa saya', 'siswi saya', 'keponakan saya',
      'keponakanku', 'bukan aku', 'bukan saya', 'bukan gue', 'bukan gw', 'bantuin temen', 'bantu teman', 'bantu temen', 'saya orang tua', 'aku orang tua', 'saya orang tuanya',
      'saya guru', 'aku guru', 'saya gurunya', 'saya ibunya', 'saya ayahnya', 'temen sekelas', 'teman sekelas', 'temen sekelasku',
    ],
    human: [
      'orang beneran', 'orang asli', 'manusia asli', 'manusia beneran', 'ngobrol sama orang', 'bicara sama orang', 'ngomong sama orang', 'mau ngobrol sama', 'mau bicara sama',
      'mau bicara dengan', 'bisa ngobrol sama', 'bisa bicara dengan', 'kamu bot', 'ini bot', 'kamu robot', 'kamu manusia', 'kamu orang beneran', '=cs', 'konselor', 'petugas',
    ],
    back: [
      '=kembali', '=balik', 'kembali ke sebelumnya', 'balik ke sebelumnya', 'pertanyaan sebelumnya', '=sebelumnya', '=batal', 'salah pencet', 'salah klik', 'salah tekan',
      'kepencet', 'salah tombol', 'ganti jawaban', 'ubah jawaban', 'mau ganti jawaban', 'eh salah', '=salah',
    ],
    new_link: ['minta link baru', 'link lain', 'linknya gak bisa', 'linknya ga bisa', 'link gak bisa dibuka', 'linknya error', 'linknya kadaluarsa', 'kirim ulang link', 'kirim link lagi'],
    nude: [
      'telanjang', 'bugil', 'tanpa baju', 'gak pake baju', 'ga pake baju', 'nggak pakai baju', 'tidak pakai baju', 'pakai daleman', 'pake daleman', 'daleman',
      'pakaian dalam', 'celana dalam', 'beha', 'seksi', 'bokep', 'vulgar', 'toket', 'payudara', 'setengah telanjang', 'foto bugil', '=vcs', 'vcs an', 'foto syur', 'syur',
    ],
    not_nude: [
      'gak telanjang', 'tidak telanjang', 'ga telanjang', 'nggak telanjang', 'bukan telanjang', 'pakai baju', 'pake baju', 'berpakaian', 'cuma muka', 'cuma wajah',
      'foto biasa', 'bukan foto bugil', 'gak vulgar', 'tidak vulgar', 'bukan vulgar', 'ga vulgar',
    ],
    have_copy: ['masih ada', 'ada di sini', 'ada di hp', 'di hp aku', 'di hpku', 'di hp saya', 'di hp gw', 'di galeri', 'masih ada di hp', 'aku punya', 'saya punya', 'masih punya', 'masih aku simpan', 'aku simpan'],
    no_copy: [
      'udah dihapus', 'sudah dihapus', 'dihapus', 'udah aku hapus', 'aku hapus', 'saya hapus', 'udah kuhapus', 'gak punya', 'ga punya', 'tidak punya', 'nggak punya',
      'udah gak ada', 'udah ga ada', 'sudah tidak ada', 'gak ada di hp', 'ga ada di hp', 'udah hilang', 'cuma online', 'cuma di internet',
    ],
    confused: ['gak ngerti', 'ga ngerti', 'nggak ngerti', 'tidak mengerti', 'gak paham', 'ga paham', 'tidak paham', 'maksudnya', 'maksudnya apa', 'apa maksudnya', '=hah', '=gimana', 'gak jelas', 'ga jelas'],
  },
  numbers: {
    sembilan: 9, sepuluh: 10, sebelas: 11, 'dua belas': 12, 'tiga belas': 13, 'empat belas': 14, 'lima belas': 15, 'enam belas': 16, 'tujuh belas': 17,
    'delapan belas': 18, 'sembilan belas': 19, 'dua puluh': 20,
  },
  below: ['di bawah', 'kurang dari', 'belum', 'blm', 'hampir'],
  atLeast: ['di atas', 'lebih dari', 'minimal', 'udah lewat', 'lewat'],
  orMore: ['ke atas', 'lebih', 'atau lebih'],
  fillers: ['kak', 'sih', 'dong', 'deh', 'kok', 'nih', 'tuh', 'wkwk', 'wkwkwk', 'hehe', 'hihi', 'anu', 'lah', 'loh', 'bang', 'sob'],
  particles: [],
  disclosure: [
    'ancam\\w*|mengancam\\w*|diancam\\w*|ngancem\\w*|ngancam\\w*|memeras\\w*|diperas\\w*|pemerasan|sekstorsi|sextortion',
    '(?:dia|dy|doi|orang itu|cowok itu|cewek itu|pelaku|mereka)(?: \\w+){0,2} (?:mau|akan|bakal|bakalan|katanya)(?: \\w+){0,3} (?:sebar\\w*|nyebar\\w*|menyebar\\w*|disebar\\w*|upload|posting|post|kirim\\w*|ngirim\\w*|share|viral\\w*|bocor\\w*)',
    '(?:kalau|kalo|klo|jika)(?: \\w+){0,2} (?:gak|ga|tidak|nggak|enggak|ngga) (?:\\w+ ){0,2}(?:bayar|transfer|tf|kirim|ngirim)',
    '(?:minta|meminta|mintain|nuntut|menuntut|malak|morotin)(?: \\w+){0,3} (?:uang|duit|dana|pulsa|transfer|tf|\\d+|usd|rupiah|rp|juta|ribu|bitcoin|foto lagi|video lagi|foto lain|vcs|lebih banyak foto)',
  ],
  negators: ['tidak', 'gak', 'ga', 'nggak', 'enggak', 'ngga', 'bukan', 'belum', 'tak', 'gada', 'gaada'],
  contrast: ['tapi', 'tp', 'namun'],
  languages: { 'bahasa indonesia': 'id', indonesia: 'id', indonesian: 'id', indo: 'id', inggris: 'en', 'bahasa inggris': 'en', spanyol: 'es', 'bahasa spanyol': 'es', 'bahasa thailand': 'th' },
};
