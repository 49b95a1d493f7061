// Marathi in Devanagari and romanised ("mala marayche aahe"), with "हसून हसून मेले" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'मला मरायचं आहे',
      'मला मरायचे आहे',
      'मरावंसं वाटतंय',
      'मी आत्महत्या करणार',
      'आत्महत्येचा विचार येतोय',
      'मला जगायचं नाही',
      'मी स्वतःला मारून टाकेन',
      'मी स्वतःला इजा करते',
      'mala marayche aahe',
      'mala jagaycha nahi',
      'aatmahatya karnar',
      'खूप लाज वाटतेय मरावंसं वाटतंय',
    ),
    ...danger(
      'तो माझ्या घराबाहेर उभा आहे',
      'कोणीतरी मला मारतंय',
      'तो म्हणाला मला जीवे मारेल',
      'तो माझा पाठलाग करतोय',
      'मी धोक्यात आहे',
      'पोलिसांना बोलवा',
      'to mazya gharabaher ahe',
    ),
  ],
  mustNot: [
    'हसून हसून मेले',
    'भुकेने मेलो',
    'आई मला मारेल जर कळलं तर',
    'तो इन्स्टावर मला फॉलो करतो',
    'तो माझे फोटो टाकण्याची धमकी देतोय',
    'मदत',
    'मला खात्री नाही',
    'कंटाळा आलाय',
  ],
};
