// Malayalam in its script (new and old chillu letters) and Manglish ("enikku marikkanam"), with "ചിരിച്ച് ചത്തു" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'എനിക്ക് മരിക്കണം',
      'മരിക്കാൻ തോന്നുന്നു',
      'മരിക്കാന്\u200d തോന്നുന്നു',
      'ഞാൻ ആത്മഹത്യ ചെയ്യും',
      'എനിക്ക് ഇനി ജീവിക്കണ്ട',
      'ഞാൻ സ്വയം മുറിവേൽപ്പിക്കുന്നു',
      'enikku marikkanam',
      'chaakan thonnunnu',
      'aathmahathya cheyyum',
      'enikk ini jeevikkanda',
      'നാണക്കേട് കാരണം മരിക്കാൻ തോന്നുന്നു',
      'ചാകാൻ തോന്നുന്നു',
    ),
    ...danger(
      'അവൻ എന്റെ വീടിന് പുറത്തുണ്ട്',
      'ആരോ എന്നെ തല്ലുന്നു',
      'അവൻ എന്നെ കൊല്ലുമെന്ന് പറഞ്ഞു',
      'അവൻ എന്നെ പിന്തുടരുന്നു',
      'ഞാൻ അപകടത്തിലാണ്',
      'പോലീസിനെ വിളിക്കൂ',
      'avan ente veedinte purathundu',
    ),
  ],
  mustNot: [
    'ചിരിച്ച് ചത്തു',
    'വിശന്നിട്ട് ചാകുന്നു',
    'അമ്മ അറിഞ്ഞാൽ എന്നെ കൊല്ലും',
    'amma arinjal enne kollum',
    'chirichu chathu',
    'അവൻ എന്റെ ഫോട്ടോ ഇടുമെന്ന് ഭീഷണിപ്പെടുത്തുന്നു',
    'സഹായം',
    'എനിക്ക് ഉറപ്പില്ല',
  ],
};
