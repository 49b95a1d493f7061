// Hindi in Devanagari and Hinglish ("marna chahta hoon", "suicide kar lunga"), with "हँसते हँसते मर गया" and "mummy maar dalegi" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'मैं मरना चाहता हूँ',
      'मरना चाहती हूं',
      'आत्महत्या कर लूंगी',
      'खुदकुशी कर लूँगा',
      'मैं खुद को मार डालूंगा',
      'अब जीना नहीं चाहता',
      'मैं खुद को चोट पहुंचाती हूं',
      'marna chahta hoon',
      'mujhe mar jana hai',
      'suicide kar lunga',
      'khud ko khatam kar dungi',
      'bahut sharam aa rahi hai marna chahti hu',
    ),
    ...danger(
      'वो मेरे घर के बाहर है',
      'कोई मुझे मार रहा है',
      'उसने कहा वो मुझे जान से मार देगा',
      'वो मेरा पीछा कर रहा है',
      'मैं खतरे में हूँ',
      'पुलिस को बुलाओ',
      'woh mere ghar ke bahar khada hai',
      'usne bola jaan se maar dega',
      'bachao',
    ),
  ],
  mustNot: [
    'हँसते हँसते मर गया',
    'भूख से मर रहा हूँ',
    'मम्मी मुझे मार डालेंगी अगर पता चला',
    'mummy maar dalegi agar pata chala',
    'hass hass ke mar gaya',
    'bhook se mar raha hu',
    'mar gaye yaar kya scene hai',
    'woh meri photos viral karne ki dhamki de raha hai',
    'madad',
    'pakka nahi pata',
  ],
};
