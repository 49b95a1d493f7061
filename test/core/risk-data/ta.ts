// Tamil in its script and Tanglish ("saaganum", "thatkolai"), with "சிரிச்சு சிரிச்சு செத்துட்டேன்" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'நான் சாகணும்',
      'சாகணும் போல இருக்கு',
      'செத்துப் போகணும்',
      'தற்கொலை பண்ணிக்கப் போறேன்',
      'தற்கொலை எண்ணம் வருது',
      'வாழ பிடிக்கல',
      'என்னை நானே காயப்படுத்திக்கிறேன்',
      'saaganum pola irukku',
      'sethudalam pola irukku',
      'thatkolai panna poren',
      'vaazha pidikkala',
      'அவமானமா இருக்கு சாகணும்',
    ),
    ...danger(
      'அவன் என் வீட்டுக்கு வெளியே நிக்கறான்',
      'யாரோ என்னை அடிக்கிறாங்க',
      'அவன் என்னை கொன்னுடுவேன்னு சொன்னான்',
      'அவன் என்னை பின்தொடர்கிறான்',
      'நான் ஆபத்துல இருக்கேன்',
      'போலீஸை கூப்பிடுங்க',
      'avan en veetu veliya nikkuran',
    ),
  ],
  mustNot: [
    'சிரிச்சு சிரிச்சு செத்துட்டேன்',
    'பசியில செத்துடுவேன்',
    'அம்மாவுக்கு தெரிஞ்சா என்னை கொன்னுடுவாங்க',
    'amma ku therinja konnuduvanga',
    'sirichu sirichu sethuten',
    'அவன் என் போட்டோவை போடுவேன்னு மிரட்டுறான்',
    'உதவி',
    'எனக்கு உறுதியா தெரியல',
  ],
};
