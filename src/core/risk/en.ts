// English risk phrases: self-harm and immediate danger as teens type them, with the idioms that stay quiet.

import { book, notBefore } from './book';

// English. Sources are written lower case without apostrophes ("dont", "hes"), as messages are
// folded; doubled letters are collapsed at compile time; a space means "optional space", so
// "kill myself" also catches "killmyself".

const EN_ME = '(?:my self|me self|myslf|mysef)';
const EN_ONLINE = notBefore('on', 'online', 'in (?:the|this|my|our|that|his|her) (?:chat|group|gc|dms?|screenshot|pic|picture|photo|video|app|server|class|followers)', 'in dms?');
// People who turn up or threaten. Family is left out of "is at my house" (they live there).
const EN_THEY =
  '(?:he|she|they|someone|somebody|some one|some body|a man|a guy|a stranger|a car|a van|this man|this guy|that guy|the man|the guy|the person|this person|my ex|the blackmailer|the scammer|theres someone|theres somebody|theres a (?:man|guy|car|van|stranger))';
const EN_FAMILY = '(?:my (?:step dad|stepdad|stepfather|step father|dad|father|uncle|brother|boyfriend|bf|cousin|mom|mum|mother|step mom|stepmom|neighbou?r|parents?))';
const EN_ANYONE = `(?:${EN_THEY}|${EN_FAMILY})`;
const EN_BE = '(?: ?(?:is|are|s|re|was|were))?(?: ?(?:still|just|now|right|literally|already))?';
const EN_PLACE = '(?:my|our|the) (?:house|home|door|front door|room|bedroom|window|apartment|flat|building|porch|yard|driveway|street|place)';
// "My mom is going to kill me (if she finds out)" is the commonest idiom in this chat; a parent's
// real violence shows up as hitting/hurting, which still matches.
const EN_IDIOM_KILL = notBefore('lol', 'lmao', 'haha', 'jk', 'if (?:she|he|they) (?:finds?|found|sees?|saw|knows?|knew|hears?|heard)');

export const en = book('latin', {
  self_harm: [
    `(?:kill|killing|killed|kills|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|starve|starving|stab|stabbing|off|offing|unalive|unaliving|end) ${EN_ME}${notBefore('laughing', 'lol laughing')}`,
    // Accidents ("cut myself shaving") and idioms ("cut myself off") are the common innocent uses.
    `(?:hurt|hurting|harm|harming|cut|cutting|cuts|burn|burning|burned|burnt) ${EN_ME}${notBefore('a', 'some', 'off', 'out', 'shaving', 'cooking', 'playing', 'by accident', 'accidentally', 'on (?:the|a|my) (?:stove|oven|pan|paper|glass|knife)', 'at (?:the )?(?:gym|practice|training)')}`,
    '(?<![0-9]\\s?)kms|kmsl|kmsf|wanttodie|wannadie|wanttobedead',
    { re: 'suicid(?:e|al|ing|ed)?|sucide|suicde|suiside|sucidal|suisidal|sewer slide|unaliv(?:e|ing|ed)', unless: 'suicide squad' },
    'self harm(?:ing|ed)?|self injur(?:y|e|ing|ed)',
    `(?:want|wanna|wana|wanted|wants|wish|wished|ready|deserve|deserves|rather|prefer|hope) (?:to |2 )?(?:just )?(?:die|be dead|not exist|not be alive|disappear forever|stop existing)${notBefore('my', 'her', 'his', 'their', 'the', 'it', 'this')}`,
    'wish (?:i|id) (?:was|were|could|would|had|just)? (?:just )?(?:die|died|be dead|dead|never been born|never born|not exist|not be here)',
    '(?:hope|wish) i (?:die|get hit by a (?:car|bus|train)|dont wake up|never wake up)',
    'better (?:off|of) dead|(?:better|beter) (?:off|of) without me',
    '(?:no|not any) (?:reason|point) (?:to|in|of) (?:live|living|being alive|life|go on|going on)|nothing (?:left )?to live for',
    'not worth (?:living|being alive)|(?:life|living|my life) (?:is not|isnt|aint|not) worth (?:it|living)|(?:whats|what is) the point (?:of|in) (?:living|life|being alive|going on)',
    `(?:dont|do not|dnt|dun|no longer|dont even|never) (?:want|wanna|wana|wish) (?:to |2 )?(?:live|be alive|exist|wake up|be here anymore|go on)${notBefore('with', 'at', 'near', 'together', 'there', 'in (?:a|an|the|this|that|my|his|her) (?:house|home|city|town|country|dorm|place|room|apartment|flat)')}`,
    `cant (?:live (?:like this|with this|anymore)|go on${notBefore('the', 'my', 'a', 'an', 'to', 'with', 'it', 'insta', 'tiktok', 'snap', 'ig', 'there', 'here', 'vacation', 'holiday')})`,
    `end(?:ing)? (?:it all|my life|my own life|everything|it tonight|it today|it now)|(?:take|taking|took) my (?:own )?life${notBefore('back', 'savings', 'insurance')}`,
    '(?:want|wish|need) (?:it all|everything|my life) to (?:end|stop|be over)',
    '(?:cut|cutting|slit|slitting|slice|slicing) (?:open )?my (?:wrists?|arms?|legs?|thighs?|skin|veins)|(?:started|start|been|keep|kept|back to|cant stop) cutting|cutting again',
    'overdos(?:e|ed|ing)|od on (?:pills|meds)|(?:take|took|taking|swallow|swallowed|swallowing) (?:all|a bunch of|a lot of|a whole bottle of|the whole bottle of|too many) (?:of )?(?:my |the |these |those )?(?:pills|meds|tablets|sleeping pills|painkillers)',
    'jump(?:ing|ed)? (?:off|of|from) (?:a |the |this |my )?(?:bridge|roof|rooftop|building|cliff|balcony|window|tower|overpass)|jump(?:ing)? in front of (?:a |the )?(?:train|car|bus|truck)',
    '(?:sleep|fall asleep|go to sleep) (?:and|forever and) never wake up|never wake up again|goodbye forever|final goodbye|goodbye world',
  ],
  immediate_danger: [
    `${EN_THEY}${EN_BE} (?:standing |waiting |hiding |sitting |parked |banging |knocking )?(?:outside|in front of|at|near|by|inside|in|on) ${EN_PLACE}`,
    `outside (?:my|our) (?:house|home|door|room|window|apartment|flat)`,
    `${EN_THEY}${EN_BE} (?:here|outside|downstairs|upstairs|coming (?:here|for me|to get me|to my (?:house|home|place|school)|after me|to find me)|on (?:his|her|their|the) way(?: here| over| to my (?:house|home|place))?|waiting (?:for me )?outside)${EN_ONLINE}`,
    `${EN_ANYONE}${EN_BE} (?:following|stalking|chasing) me${EN_ONLINE}`,
    `${EN_ANYONE}${EN_BE} (?:hurting|hitting|beating|choking|strangling|touching|attacking|raping|abusing|punching|kicking|grabbing) me`,
    `${EN_ANYONE} (?:hit|beat|choked|strangled|attacked|raped|assaulted|stabbed|drugged|kidnapped|grabbed|punched|kicked|abused|molested|touched|hits|beats|chokes|hurts|abuses|rapes|touches|kicks|punches) me${notBefore('up', 'at', 'in', 'to', 'on (?:snap|insta|ig|tiktok|discord)')}`,
    `${EN_ANYONE}${EN_BE} (?:going to|gonna|gona|will|wil|wants to|want to|trying to|tried to|threatened to|threatens to|threatening to|says (?:he|she|they) (?:will|is going to|is gonna)|says (?:he|she|they)(?:l|s going to|s gonna)|said (?:he|she|they) (?:will|would|is going to|was going to)|said (?:he|she|they)(?:d|l|s going to)) (?:hurt|hit|beat|rape|find|stab|shoot|kidnap|attack|come for|come after|come get) me${notBefore('up', 'lol', 'lmao', 'haha', 'jk', 'at', 'in')}`,
    `${EN_THEY}${EN_BE} (?:going to|gonna|gona|will|wil|wants to|want to|trying to|tried to|threatened to|threatens to|threatening to|says (?:he|she|they) (?:will|is going to|is gonna)|says (?:he|she|they)(?:l|s going to|s gonna)|said (?:he|she|they) (?:will|would|is going to|was going to)|said (?:he|she|they)(?:d|l|s going to)) kill me${EN_IDIOM_KILL}`,
    `(?:im|i am|i feel|feel|feeling) (?:not safe|unsafe|in danger)${notBefore('of', 'sending', 'sharing', 'using', 'clicking', 'uploading', 'doing', 'with (?:this|that|the|your) (?:link|site|app|page|bot)')}`,
    `(?:dont|do not|never) feel safe${notBefore('sending', 'sharing', 'using', 'clicking', 'uploading', 'doing', 'with (?:this|that|the|your) (?:link|site|app|page|bot)')}|not safe (?:at home|here|anymore|right now|around him|around her|with him|with her)`,
    '(?:i was|i got|ive been|i have been|been|being|getting) (?:raped|sexually assaulted|assaulted|kidnapped|drugged|beaten up|attacked)',
    '(?:knows|found out|find out|found|has|got) (?:where i live|my (?:home )?address)',
    '(?:scared|afraid|terrified|fear|fearing|fearful) for my (?:life|safety)|my life is in danger',
    'locked me (?:in|up|inside)|(?:im|i am|been|got|being) (?:locked|trapped|tied|held) (?:up |down )?(?:in|inside) (?:a|the|his|her|this|my|their) (?:room|house|car|basement|closet|bathroom|garage|attic|van|trunk|shed)',
    // Not family: "my mom won't let me leave the house" is being grounded.
    `${EN_THEY} (?:wont|will not|doesnt|does not) let me (?:leave|go home|get out)${notBefore('the (?:group|chat|gc|server|call)')}`,
    'kidnapped|abducted|(?:being )?held (?:captive|hostage)',
    `${EN_ANYONE}${EN_BE} (?:has|got|have|holding|pulled|brought|with) (?:a|his|her|their) (?:gun|knife|weapon|pistol|rifle)`,
    '(?:please|pls|plz|someone|somebody|anyone|any one|can (?:you|someone|somebody|anyone)|could (?:you|someone|somebody)) (?:call|get) (?:911|999|112|000|the police|police|the cops|cops|an ambulance)|call (?:911|999|112|the police|the cops|an ambulance) (?:now|asap|please|pls|plz|for me)',
    // A bare "help" is the HELP command and reaches a person; calling on anyone at all is a cry.
    {
      re: '(?:(?:please|pls|plz|oh god|god) )*(?:sos|(?:someone|somebody|anyone|any one|some one|any body|anybody) (?:please )?(?:help|save me)|save me)(?: (?:please|pls|plz|now|asap|help|me|fast|quick|right now|rn))*',
      whole: true,
    },
  ],
});
