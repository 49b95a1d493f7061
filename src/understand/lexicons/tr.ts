// Turkish words for typed answers, as teens type them, with or without Turkish letters (evt, hayır/hayir, yok, bilmiyom, aynen).

import type { Lexicon } from '../lexicon';

// Turkish negates with a suffix after the verb ("tehdit etmedi"), so a threat word followed by its
// negation is not a disclosure; the negators list only covers the words before ("kimse").
export const tr: Lexicon = {
  locale: 'tr',
  script: 'latin',
  intents: {
    yes: [
      'evet', 'evt', 'aynen', 'aynen oyle', 'tabii', 'tabiki', 'tabii ki', 'elbette', 'kesinlikle', '=dogru', 'evet dogru', 'dogru evet', '=oyle', 'evet oyle', 'tamam',
      'tmm', '=olur', 'sanirim evet', 'galiba evet', 'herhalde evet', '=var', 'evet var', 'var evet', 'evet maalesef', 'evet oldu', '18den kucuk', '18 yasindan kucuk', '18 yas alti', '18 alti', 'on sekizden kucuk',
    ],
    no: [
      'hayir', 'hyr', 'yok', 'hic de', 'hic kimse', 'kimse', 'asla', 'hayir hayir', 'yok yok', '=degil', 'tehdit etmedi', 'santaj yapmadi', 'bir sey istemedi', 'degildi', 'degildim', 'sanmiyorum', 'hic sanmam', 'yok be', 'yok ya',
      'yok hayir', 'hayir yok', 'olmadi', 'hic olmadi', 'kimse yok',
    ],
    unsure: [
      'bilmiyorum', 'bilmiom', 'bilmiyom', 'bilmem', 'bilmiorum', 'bilemiyorum', 'emin degilim', 'emin degilm', 'emin deilim', 'tam emin degilim', 'belki', 'blki',
      // "ne" alone is Turkish for "what?" and, folded, Dutch or German "nee" (no): heard as two answers, it is asked again.
      '=ne', '=galiba', '=sanirim', '=herhalde', 'olabilir', 'hatirlamiyorum', 'hatirlamiyom', 'fikrim yok', 'hic bilmiyorum', 'hic fikrim yok', 'bilmiyorum valla',
    ],
    self: [
      '=ben', '=benim', 'benimle ilgili', 'ben kendim', 'kendim', '=bana', 'bana oldu', 'benim fotolarim', 'benim fotograflarim', 'fotolarim', 'fotograflarim', 'resimlerim',
      'videolarim', 'benim icin', 'benimki', 'o benim', 'kendi fotolarim', 'kendimle ilgili', 'benim basima geldi', 'basima geldi', 'ben ve',
    ],
    helper: [
      'baska biri', 'baskasi', 'baskasi icin', 'arkadasim', 'arkadasim icin', 'bir arkadasim', 'kankam', 'en yakin arkadasim', 'kiz arkadasim', 'erkek arkadasim', 'sevgilim',
      'kizim', 'oglum', 'kiz kardesim', 'erkek kardesim', 'kardesim', 'ablam', 'abim', 'kuzenim', 'ogrencim', 'ogrencilerimden', 'yegenim', 'sinif arkadasim', 'ben degilim',
      'ben degil', 'benimle ilgili degil', 'yardim ediyorum', 'birine yardim', 'ebeveyniyim', 'anneyim', 'annesiyim', 'babasiyim', 'ogretmeniyim', 'ogretmenim',
    ],
    human: [
      'gercek insan', 'gercek bir insan', 'gercek bir insanla', 'bir insanla', 'insanla konusabilir', 'konusabilir miyim', 'gercek biri', 'gercek biriyle', 'biriyle konusmak', 'biriyle konusabilir miyim', 'insanla konus', 'insan misin', 'bot musun',
      'robot musun', 'sen bot musun', 'gercek misin', 'temsilci', 'danisman', 'psikolog',
    ],
    back: [
      '=geri', 'geri don', 'geri git', 'geri al', 'onceki soru', 'onceki soruya', '=onceki', 'yanlis bastim', 'yanlis tikladim', 'yanlislikla bastim', '=yanlis',
      'cevabi degistir', 'cevabimi degistir', 'cevabimi degistirmek', 'pardon yanlis', '=hata yaptim',
    ],
    new_link: ['yeni link', 'baska link', 'link calismiyor', 'link acilmiyor', 'baglanti calismiyor', 'linkin suresi doldu', 'linki tekrar gonder', 'tekrar link'],
    nude: [
      'ciplak', 'ic camasiri', 'ic camasirli', 'ic camasiriyla', 'sutyen', 'sutyenli', 'sutyenle', 'sutyenliydim', 'kulot', 'mustehcen', 'cinsel', 'seksi', 'frikik', 'ustsuz', 'soyunuk', 'yari ciplak',
      'memeler', 'gogus', 'ciplak foto', 'ciplak fotograf',
    ],
    not_nude: ['ciplak degil', 'ciplak degildim', 'ciplak degildi', 'giyinik', 'kiyafetli', 'kiyafetliydim', 'sadece yuzum', 'normal foto', 'normal bir foto', 'normal fotograf', 'cinsel degil', 'mustehcen degil'],
    have_copy: ['bende var', 'bende duruyor', 'telefonumda', 'telefonumda var', 'galerimde', 'galerimde var', 'kaydettim', 'kopyasi var', 'hala var', 'hala bende'],
    no_copy: ['bende yok', 'bende degil', 'sildim', 'hepsini sildim', 'silindi', 'kopyasi yok', 'telefonumda yok', 'artik yok', 'kalmadi', 'sadece internette'],
    confused: ['anlamadim', 'anlamiyorum', 'anlamadm', 'ne demek', 'ne demek istiyorsun', 'nasil yani'],
  },
  numbers: {
    dokuz: 9, 'on bir': 11, 'on iki': 12, 'on uc': 13, 'on dort': 14, 'on bes': 15, 'on alti': 16, 'on yedi': 17, 'on sekiz': 18, 'on dokuz': 19, yirmi: 20,
  },
  below: ['neredeyse'],
  atLeast: ['en az'],
  // Turkish puts the bound after the age: "18 üstü", "18 ve üzeri", "18'den büyük".
  orMore: ['ustu', 've ustu', 'veya ustu', 'uzeri', 've uzeri', 'yas ustu', 'yasindan buyuk', 'den buyuk', 'dan buyuk', 'ten buyuk', 'tan buyuk'],
  fillers: ['yani', 'abi', 'abla', 'hocam', 'kanka', 'lan', 'valla', 'vallahi', 'lutfen', 'sey', 'aga', 'off'],
  particles: [],
  disclosure: [
    'tehdit\\w*(?! (?:etmedi|etmiyor|etmez|edilmedi|eden yok|yok|olmadi))',
    'santaj\\w*(?! (?:yapmadi|yapmiyor|yapan yok|yok|olmadi))',
    'yayinlayacak\\w*|yayacak\\w*|paylasacak\\w*|gonderecek\\w*|ifsa|ifsalayacak\\w*|ifsala\\w*',
    '(?:gondermezsem|odemezsem|vermezsem|yollamazsam|atmazsam|yapmazsam)',
    '(?:para|\\d+ ?(?:tl|lira|dolar|euro)|usd|daha fazla (?:foto\\w*|resim\\w*|video\\w*)|yeni (?:foto\\w*|resim\\w*|video\\w*))(?: \\w+){0,2} (?:istiyor|istedi|isterse|ister|talep ediyor|talep etti)',
  ],
  negators: ['kimse', 'hic kimse', 'hic', 'yok', 'hayir'],
  contrast: ['ama', 'fakat', 'ancak', 'lakin'],
  languages: { turkce: 'tr', turkish: 'tr', ingilizce: 'en', ispanyolca: 'es', tayca: 'th' },
};
