// Hindi words for typed answers, in Devanagari and as teens type it in Latin letters (Hinglish: haan, nahi, pata nahi, main khud, dost ke liye).

import type { Lexicon } from '../lexicon';

export const hi: Lexicon = {
  locale: 'hi',
  script: 'spaced',
  intents: {
    yes: [
      'हाँ', 'हां', '=हा', 'हाँ जी', 'हांजी', 'जी हाँ', '=जी', 'बिल्कुल', 'बिलकुल', 'सही', 'सही है', 'सच में', 'हाँ था', 'हाँ थी', 'ठीक है', 'हाँ सही',
      '^han', '=hn', 'han ji', 'hanji', 'ji han', '=ji', 'bilkul', 'sahi hai', 'han yar', 'han bhai', 'han main', 'han mai', 'han thi', 'han tha', 'ji bilkul',
    ],
    no: [
      'नहीं', 'नही', 'नहि', '^ना', '=न', 'नहीं जी', 'जी नहीं', 'बिल्कुल नहीं', 'कभी नहीं', 'कोई नहीं', 'किसी ने नहीं', 'नहीं था', 'नहीं थी', 'नहीं है',
      'nahi', 'nahin', 'nhi', 'nai', '=na', 'nahi ji', 'ji nahi', 'bilkul nahi', 'kabhi nahi', 'koi nahi', 'kisi ne nahi', 'nahi tha', 'nahi thi',
    ],
    unsure: [
      'पता नहीं', 'पता नही', 'नहीं पता', 'नही पता', 'मुझे नहीं पता', 'मालूम नहीं', 'नहीं मालूम', 'पक्का नहीं', 'पक्का नहीं पता', 'श्योर नहीं', 'शायद', 'हो सकता है',
      'याद नहीं', 'याद नहीं है', 'मुझे याद नहीं', 'pata nahi', 'pta nhi', 'pata nhi', 'pta nahi', 'nahi pata', 'nhi pta', 'nahi pta', 'mujhe nahi pata', 'malum nahi',
      'maloom nahi', 'shayad', 'sayad', 'ho sakta hai', 'yad nahi', 'yad nhi', 'pakka nahi', 'sure nahi', 'sure nhi',
    ],
    self: [
      '=मैं', '=मै', 'मैं और', 'मैं खुद', 'मैं ही', 'खुद', 'खुद के लिए', 'मेरे बारे में', 'मेरी बात', 'मेरी फोटो', 'मेरी फ़ोटो', 'मेरी तस्वीर', 'मेरी तस्वीरें', 'मेरा वीडियो',
      'मेरी पिक', 'मेरी पिक्स', 'मेरे लिए', 'अपने लिए', 'अपने बारे में', '=main', '=mai', 'main aur', 'main khud', 'mai khud', 'khud', 'khud ke liye', 'mere bare me',
      'mere bare mein', 'mere liye', 'meri pic', 'meri pics', 'meri photo', 'meri photos', 'meri video', 'apne liye', 'apne bare me',
    ],
    helper: [
      'दोस्त', 'दोस्त के लिए', 'मेरा दोस्त', 'मेरी दोस्त', 'मेरे दोस्त', 'सहेली', 'मेरी सहेली', 'किसी और', 'किसी और के लिए', 'दूसरे के लिए', 'बेटी', 'मेरी बेटी', 'मेरा बेटा',
      '=बेटा', 'बहन', 'मेरी बहन', 'मेरा भाई', 'भाई के लिए', 'छात्र', 'छात्रा', 'स्टूडेंट', 'भतीजी', 'भांजी', 'कजिन', 'गर्लफ्रेंड', 'बॉयफ्रेंड', 'मैं टीचर हूँ', 'मैं माँ हूँ',
      'मैं नहीं', 'मेरे बारे में नहीं', 'dost', 'dost ke liye', 'mera dost', 'meri dost', 'mere dost', 'meri friend', 'mere friend', 'friend ke liye', 'saheli',
      'kisi aur', 'kisi aur ke liye', 'beti', 'meri beti', 'mera beta', '=beta', 'behen', 'behan', 'meri behen', 'mera bhai', 'bhai ke liye', 'main nahi', 'mai nahi',
    ],
    human: [
      'असली इंसान', 'इंसान से बात', 'किसी इंसान से', 'किसी से बात', 'किसी से बात करनी', 'क्या तुम बॉट हो', 'बॉट हो', 'रोबोट हो', 'काउंसलर', 'एजेंट',
      'insan se bat', 'kisi se bat', 'real person se', 'bot ho', 'asli insan', 'kisi insan se',
    ],
    back: [
      '=वापस', 'वापस जाओ', 'पीछे', 'पीछे जाओ', 'पिछला सवाल', 'गलत दबा', 'गलत दब गया', 'गलती से', 'गलत बटन', 'जवाब बदलना', 'गलत जवाब',
      '=wapas', '=vapas', 'wapas jao', 'peeche', 'piche', 'galti se', 'galat daba', 'galat dab gaya', 'galat button', 'jawab badalna',
    ],
    new_link: ['नया लिंक', 'दूसरा लिंक', 'लिंक नहीं खुल', 'लिंक काम नहीं', 'naya link', 'dusra link', 'link nahi khul', 'link kam nahi'],
    nude: [
      'नंगी', 'नंगा', 'न्यूड', 'न्यूड्स', 'बिना कपड़ों', 'बिना कपड़े', 'अश्लील', 'सेक्सी', 'गंदी फोटो', 'गंदी तस्वीर', 'गंदी वीडियो', 'प्राइवेट फोटो', 'अंडरवियर', 'ब्रा',
      'nangi', 'nanga', 'bina kapdo', 'bina kapde', 'gandi photo', 'gandi pic', 'private photo', 'private pic',
    ],
    not_nude: [
      'नंगी नहीं', 'न्यूड नहीं', 'कपड़े पहने', 'कपड़ों में', 'नॉर्मल फोटो', 'सिर्फ चेहरा', 'गंदी नहीं', 'nude nahi', 'nangi nahi', 'normal photo', 'normal pic',
      'kapde pehne', 'sirf chehra',
    ],
    have_copy: ['मेरे पास है', 'मेरे पास हैं', 'फोन में है', 'गैलरी में', 'सेव है', 'सेव किया', 'अभी भी है', 'mere pas hai', 'phone me hai', 'phone mein hai', 'gallery me', 'gallery mein', 'save hai'],
    no_copy: [
      'मेरे पास नहीं', 'डिलीट कर दिया', 'डिलीट कर दी', 'डिलीट कर दिए', 'मिटा दिया', 'मिटा दी', 'डिलीट हो गई', 'फोन में नहीं', 'सिर्फ ऑनलाइन', 'mere pas nahi',
      'delete kar diya', 'delete kar di', 'delete kar diye', 'delete ho gayi', 'mita diya', 'phone me nahi', 'sirf online',
    ],
    confused: ['समझ नहीं आया', 'समझ नहीं आ रहा', 'क्या मतलब', 'मतलब', 'समझा नहीं', 'समझी नहीं', 'samajh nahi aya', 'samajh nhi aya', 'kya matlab', 'matlab'],
  },
  numbers: {
    'दस': 10, 'ग्यारह': 11, 'बारह': 12, 'तेरह': 13, 'चौदह': 14, 'पंद्रह': 15, 'सोलह': 16, 'सत्रह': 17, 'अठारह': 18, 'उन्नीस': 19, 'बीस': 20,
    gyarah: 11, barah: 12, terah: 13, chaudah: 14, chodah: 14, pandrah: 15, solah: 16, satrah: 17, atharah: 18, unnis: 19, bees: 20,
  },
  below: [],
  atLeast: ['कम से कम', 'kam se kam'],
  orMore: ['या ज़्यादा', 'से ज़्यादा', 'साल से ज़्यादा', 'से ऊपर', 'या उससे ज़्यादा', 'या उससे ऊपर', 'ya zyada', 'se zyada', 'ya jyada', 'se jyada', 'se upar', 'ya usse zyada', 'sal se zyada'],
  belowAfter: ['से कम', 'साल से कम', 'से छोटा', 'से छोटी', 'से नीचे', 'se kam', 'sal se kam', 'se chota', 'se choti'],
  fillers: ['अरे', 'यार', 'हम्म', 'उम्म', 'अच्छा', 'तो', 'yaar', 'yar', 'acha', 'accha', 'toh'],
  particles: ['जी', 'ji'],
  disclosure: [
    'धमकी[^ ]*|धमका[^ ]*|ब्लैकमेल[^ ]*|dhamki[^ ]*|dhamka[^ ]*',
    '(?:पैसे|पैसा|रुपये|रुपए|पेमेंट)(?: [^ ]+){0,2} (?:मांग|दो|दे|भेज|चाहिए|डालो|ट्रांसफर)[^ ]*',
    '(?:paise|paisa|pese|rupees|rupaye|rs|payment)(?: [^ ]+){0,2} (?:mang|de|do|bhej|chahiye|dalo|transfer)[^ ]*',
    '(?:वायरल|लीक|शेयर|पोस्ट|अपलोड|भेज|डाल|दिखा)(?: [^ ]+)? (?:देगा|देगी|देंगे|दूंगा|करेगा|करेगी|करेंगे)',
    '(?:viral|leak|share|post|upload|bhej|dal|dikha)(?: [^ ]+)? (?:dega|degi|denge|dunga|karega|karegi|karenge)',
    '(?:और|ज्यादा) (?:फोटो|तस्वीरें|पिक्स|वीडियो|न्यूड्स)(?: [^ ]+){0,2} (?:मांग|भेज)[^ ]*',
    'aur (?:photos?|pics?|videos?|nudes)(?: [^ ]+){0,2} (?:mang|bhej)[^ ]*',
    'नहीं (?:दिए|दिया|दी|भेजे|भेजा|भेजी) तो|nahi (?:diye|diya|di|bheje|bheja|bheji) to',
  ],
  negators: ['किसी ने नहीं', 'कोई नहीं', 'किसी ने भी नहीं', 'kisi ne nahi', 'koi nahi', 'kabhi nahi'],
  negatorsAfter: ['नहीं', 'नही', 'ना', 'न', 'nahi', 'nhi', 'nahin', 'nai'],
  contrast: ['लेकिन', 'मगर', 'lekin', 'magar'],
  languages: { 'हिंदी': 'hi', 'हिन्दी': 'hi', 'अंग्रेजी': 'en', 'इंग्लिश': 'en' },
};
