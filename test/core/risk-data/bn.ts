// Bengali in its script and romanised ("ami morte chai"), with "হাসতে হাসতে মরে গেলাম" and "মা জানলে মেরে ফেলবে" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'আমি মরতে চাই',
      'মরে যেতে ইচ্ছে করছে',
      'আত্মহত্যা করব',
      'আমি নিজেকে মেরে ফেলব',
      'আর বাঁচতে চাই না',
      'আবার হাত কেটেছি',
      'ami morte chai',
      'more jete icche korche',
      'suicide korbo',
      'atmohotta korbo',
      'ar bachte chai na',
      'লজ্জায় মরে যেতে ইচ্ছে করছে',
    ),
    ...danger(
      'ও আমার বাড়ির বাইরে দাঁড়িয়ে আছে',
      'কেউ আমাকে মারছে',
      'ও বলেছে আমাকে মেরে ফেলবে',
      'ও আমার পিছু নিচ্ছে',
      'আমি বিপদে আছি',
      'পুলিশ ডাকো',
      'বাঁচাও',
    ),
  ],
  mustNot: [
    'হাসতে হাসতে মরে গেলাম',
    'খিদেয় মরে যাচ্ছি',
    'মা জানলে আমাকে মেরে ফেলবে',
    'ma janle amake mere felbe',
    'haste haste more gelam',
    'ও আমার ছবি ছড়িয়ে দেওয়ার হুমকি দিচ্ছে',
    'সাহায্য',
    'আমি নিশ্চিত না',
    'গরমে মরে যাচ্ছি',
  ],
};
