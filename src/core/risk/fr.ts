// French risk phrases as teens type them ("jveux mourir", "crever", "me scarifier"), with "je meurs de rire" and "ma mère va me tuer" left alone.

import { book, notBefore } from './book';

// Written folded: no accents or apostrophes ("jai", "quil", "quelquun"); a space may be typed or not.
const FR_THEY = "(?:il|elle|ils|elles|quelqu un|qqn|quelqun|un mec|un homme|un type|un gars|le mec|le type|mon ex|mon beau pere|mon pere|mon frere|mon oncle|mon copain)";
// "Ma mère va me tuer (si elle l'apprend)" is the idiom; a parent's real violence shows up as hitting.
const FR_IDIOM_KILL =
  "si (?:elle |il |ils |elles )?(?:l ?apprend|l ?apprennent|apprend|sait|savent|voit|voient|decouvre|decouvrent|trouve)|ma mere|ma daronne|mon daron|mes parents|mes darons";

export const fr = book('latin', {
  self_harm: [
    `(?:veux|veut|voudrais|voulais|veu|vx|jveux|jveu|jvx|jvoudrais|envie de|envi de|aimerais|prefererais|hate de|pret a|prete a) (?:juste |vraiment |tellement |trop |tellement )?(?:mourir|crever|me tuer|me suicider|disparaitre pour toujours|plus vivre|ne plus vivre|plus exister|ne plus exister|me foutre en l air)${notBefore('de rire', 'de rigoler', 'mdr')}`,
    `(?:veux|jveux|voudrais|envie d|hate d|vais) en finir${notBefore('avec (?:les|le|ce|cet|cette|mes|ces|ses|son|sa|l|un|une|mon|ma|ton|ta)', 'avec la(?! vie)')}|en finir avec (?:la vie|tout|ma vie)`,
    { re: 'suicid(?:e|es|aire|aires)', unless: 'suicide squad' },
    'me suicid(?:er|erai|erais|e)|(?:je )?(?:vais|veux|jvais|jveux|vai) me (?:tuer|pendre|buter|jeter (?:du|d un|de la|par la|sous)|ouvrir les veines|foutre en l air)',
    'me (?:scarifie|scarifier|scarifiais|mutile|mutiler)|scarification|automutilation|auto mutilation',
    '(?:je )?me fais (?:du )?mal|me faire du mal',
    "(?:jai |j )?(?:plus|pas|aucune) envie de vivre|(?:je )?(?:ne )?veux plus vivre|(?:aucune|pas de|plus de) raison de vivre|marre de (?:vivre|la vie)",
    '(?:mettre fin a|finir) (?:mes jours|ma vie)|mieux sans moi',
    '(?:me )?(?:couper|taillader|tailler|ouvrir) les (?:veines|poignets|bras)|me (?:coupe|taillade|suis coupee?) (?:encore |souvent |les )*(?:veines|poignets|bras|cuisses)',
    'sauter (?:du|d un|de la|par la|d une) (?:pont|toit|immeuble|fenetre|balcon)|(?:avaler|prendre) (?:tous|toutes|une boite de|plein de) (?:mes |les )?(?:cachets|medocs|medicaments|pilules)',
  ],
  immediate_danger: [
    `${FR_THEY} (?:est |sont |mattend |attend |reste |traine )?(?:juste |encore |la )?(?:devant|en bas de|sous|derriere) (?:chez moi|ma porte|ma maison|mon immeuble|ma fenetre|mon batiment)`,
    `${FR_THEY} (?:me frappe|me frappent|me tape|me bat|me battent|me fait du mal|me font du mal|me touche|metrangle|me viole|ma frappe|ma viole|ma enferme|ma enfermee|ma kidnappe|ma kidnappee|ma drogue|ma droguee|ma sequestree?)`,
    { re: `(?<!(?:ca|ce|cela|cet exam|ce devoir|ce controle) )(?:va|vont|veut|veulent|menace de|allait|voulait|vas) me (?:tuer|buter|frapper|violer|faire du mal|kidnapper|retrouver)`, unless: FR_IDIOM_KILL },
    `${FR_THEY} (?:me suit|me suivent|me poursuit|me poursuivent|me traque)${notBefore('sur', 'en ligne', 'partout sur', 'depuis des (?:mois|semaines) sur')}`,
    `(?:je suis|jsuis|chuis|suis) en danger${notBefore('de')}|(?:je )?(?:ne )?me sens pas en securite${notBefore('de', 'avec (?:ce|cette) (?:lien|site|appli|bot)')}|peur pour ma vie|ma vie est en danger`,
    '(?:appelez|appelle|appeler|appelez moi) (?:la police|les flics|le 17|le 112|les pompiers|le 15|une ambulance)',
    `${FR_THEY} (?:a|ont|tient|sort|sorti) (?:un|une) (?:couteau|arme|flingue|pistolet)`,
    `${FR_THEY} sait ou (?:jhabite|j habite|je vis)`,
    { re: '(?:au secours|a laide au secours)(?: (?:svp|stp|vite|au secours|aidez moi|please))*', whole: true },
  ],
});
