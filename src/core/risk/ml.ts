// Malayalam risk phrases in its script (new and old chillu letters) and Manglish ("enikku marikkanam"), with "ചിരിച്ച് ചത്തു" and "അമ്മ എന്നെ കൊല്ലും" left alone.

import { book, GATES } from './book';

const ML_IDIOM = 'അറിഞ്ഞാൽ|അമ്മ|അച്ഛൻ';

export const ml = book(
  'indic',
  {
    self_harm: [
      'മരിക്കണം|മരിക്കാൻ (?:തോന്നു|തോന്നണ|ആഗ്രഹ|പോവ|പോകു)|ചാകാൻ (?:തോന്നു|പോവ|പോകു|ആഗ്രഹ)|ചാവണം|ചത്താൽ മതി',
      'ആത്മഹത്യ',
      'ജീവിക്കണ്ട|ജീവിക്കാൻ (?:തോന്നുന്നില്ല|ആഗ്രഹമില്ല|വയ്യ)',
      'സ്വയം (?:മുറിവേൽപ്പിക്ക|മുറിവേല്പ്പിക്ക|വേദനിപ്പിക്ക|മുറിക്ക|കൊല്ല)|കൈ (?:മുറിക്ക|മുറിച്ചു)|ഞരമ്പ് മുറി',
    ],
    immediate_danger: [
      'വീടിന്(?:റെ)? (?:പുറത്ത|മുന്നിൽ|മുമ്പിൽ)',
      'എന്നെ (?:തല്ലുന്നു|ഉപദ്രവിക്കുന്നു|അടിക്കുന്നു|പീഡിപ്പിക്കുന്നു)',
      { re: 'കൊല്ലുമെന്ന്|കൊന്നുകളയും', unless: ML_IDIOM },
      'പിന്തുടരുന്നു|പിന്നാലെ വരുന്നു',
      'അപകടത്തിലാണ്|അപകടത്തിൽ ആണ്',
      'പോലീസിനെ വിളിക്ക',
    ],
  },
  GATES.malayalam,
);

export const mlLatin = book('latin', {
  self_harm: [
    '(?:enik|eniku) (?:marikanam|chakanam|chavanam)|(?:marikan|chakan) (?:thonunu|thonanu)|marikanam',
    'athmahathya|athmahatya',
    'jevikanda|jivikanda',
  ],
  immediate_danger: [
    '(?:vedinte|vetinte) (?:purathundu|purath|purathu|munil|munpil)',
    'ene (?:thalunu|adikunu)',
    { re: 'ene kolumenu', unless: 'arinjal|amma|achan' },
  ],
});
