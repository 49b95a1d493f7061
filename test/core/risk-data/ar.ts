// Arabic: MSA, Levantine, Egyptian and Gulf forms, with or without hamza, and Arabizi ("bade mout"), with "هموت من الضحك" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'أريد أن أموت',
      'بدي موت',
      'عايز أموت',
      'عايزة اموت',
      'نفسي اموت',
      'ابغى اموت',
      'بفكر في الانتحار',
      'راح انتحر',
      'هقتل نفسي',
      'بأذي نفسي كل يوم',
      'مش عايز أعيش',
      'bade mout',
      'ana 3ayez amoot',
      'bfakkar bel ente7ar',
    ),
    ...danger(
      'هو قدام بيتي',
      'حد بيضربني',
      'قال هيقتلني',
      'في حد بيلاحقني',
      'أنا في خطر',
      'اتصلوا بالشرطة',
      'معاه سكينة',
      'الحقوني',
    ),
  ],
  mustNot: [
    'هموت من الضحك',
    'ميت من الضحك',
    'امي هتقتلني لو عرفت',
    'متابعني على انستا',
    'بيهددني ينشر صوري',
    'مساعدة',
    'جعان هموت',
    'مش متأكد',
    'hamoot mn el da7k',
  ],
};
