// Tagalog and Taglish risk phrases ("gusto ko nang mamatay", "magpapakamatay", "naglalaslas"), with "patay tayo dyan" and "mamamatay sa kakatawa" left alone.

import { book, notBefore } from './book';

const TL_ME = '(?:ako|aq|me)';
// "Papatayin ako ng nanay ko pag nalaman niya" is the idiom about a parent finding out.
const TL_IDIOM = '(?:pag|kapag|kung|pagka) (?:nalaman|malaman|nakita|makita)';

export const tl = book('latin', {
  self_harm: [
    `(?:gusto|gustong|sana|parang gusto|mas mabuti|mas okay|mas ok|mas maganda) (?:ko |kong |pa |pang )?(?:nang |na |ng |pang )?(?:mamatay|magpakamatay|mawala na|patayin sarili ko)${notBefore('sa (?:tawa|kakatawa|gutom|kilig|inggit)')}`,
    'magpapakamatay|nagpapakamatay|magpakamatay|nagpakamatay|pagpapakamatay',
    '(?:papatayin|patayin|sasaktan|sinasaktan|saktan|sinugatan|sugatan) (?:ko |ko na |ko nalang )?(?:ang )?sarili ko|(?:mag|nag|nagla)laslas|laslas (?:ng )?(?:pulso|braso)',
    '(?:ayoko|ayaw ko|ayokong|di ko na gusto|hindi ko na gusto) (?:nang |na |ng )?(?:mabuhay)',
  ],
  immediate_danger: [
    `nasa (?:labas|harap|tapat) (?:siya |sya |sila |na siya |na sya |ulit siya )?(?:ng|sa) (?:bahay|pinto|kwarto|gate|bintana)`,
    `(?:may|merong) (?:nananakit|nambubugbog|sumusunod|umaaligid) (?:sa )?(?:akin|sakin|amin)|(?:sinasaktan|binubugbog|sinusuntok|sinasakal|ginagahasa|sinusundan|hinahabol) (?:niya|nya|nila) ${TL_ME}${notBefore('sa (?:ig|fb|tiktok|insta|messenger|online)')}`,
    { re: `(?:papatayin|sasaktan|gagahasain) (?:daw |raw )?(?:niya|nya|nila) (?:daw |raw )?${TL_ME}|(?:papatayin|sasaktan|gagahasain) (?:daw |raw )?${TL_ME} ng (?!nanay|mama|mommy|tatay|papa|daddy|magulang|lola|lolo)`, unless: TL_IDIOM },
    `nasa panganib ${TL_ME}|(?:hindi|di) ${TL_ME} ligtas${notBefore('na', 'dito sa (?:app|link)')}`,
    '(?:tumawag|tawagan|tawag) (?:kayo |ka )?(?:ng |sa )?(?:pulis|911|ambulansya)',
    'may (?:dala|hawak) (?:siyang|syang|silang) (?:kutsilyo|baril|patalim)|may (?:kutsilyo|baril) (?:siya|sya)',
    { re: '(?:saklolo|tulungan nyo ako|tulungan niyo ako)(?: (?:please|pls|po|saklolo))*', whole: true },
  ],
});
