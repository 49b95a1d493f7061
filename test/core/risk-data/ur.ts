// Urdu in its script and romanised ("marna chahta hoon", "khudkushi"), with "ہنس ہنس کے مر گیا" and "ammi maar dalengi" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'میں مرنا چاہتا ہوں',
      'مرنا چاہتی ہوں',
      'خودکشی کر لوں گا',
      'خود کشی کا سوچ رہی ہوں',
      'میں خود کو مار دوں گی',
      'جینا نہیں چاہتا',
      'marna chahta hoon',
      'khudkushi kar lungi',
      'mai khud ko maar dunga',
      'suicide kar lunga',
      'jeena nahi chahti',
      'itni sharam aa rahi hai marna chahti hun',
    ),
    ...danger(
      'وہ میرے گھر کے باہر ہے',
      'کوئی مجھے مار رہا ہے',
      'اس نے کہا مجھے جان سے مار دے گا',
      'وہ میرا پیچھا کر رہا ہے',
      'میں خطرے میں ہوں',
      'پولیس کو بلاؤ',
      'woh mere ghar ke bahar hai',
      'koi mujhe maar raha hai',
    ),
  ],
  mustNot: [
    'ہنس ہنس کے مر گیا',
    'امی مجھے مار ڈالیں گی اگر پتا چلا',
    'bhook se mar raha hoon',
    'has has ke mar gaya',
    'ammi mujhe maar dalengi agar pata chala',
    'woh meri photos phelane ki dhamki de raha hai',
    'madad',
    'mujhe pakka nahi pata',
    'garmi se mar gaye',
  ],
};
