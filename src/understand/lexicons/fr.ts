// French words for typed answers, as teens in France, Belgium, Switzerland and Québec type them (ouais, jsp, chais pas, nan).

import type { Lexicon } from '../lexicon';

export const fr: Lexicon = {
  locale: 'fr',
  script: 'latin',
  intents: {
    yes: [
      'oui', 'ouais', 'ouai', 'ouep', 'ouaip', '=wi', '=oe', 'oui oui', 'bien sur', 'evidemment', 'carrement', 'exact', 'exactement', 'cest ca', 'cest exact',
      'daccord', 'dac', 'dacc', 'affirmatif', 'je pense que oui', 'je crois que oui', 'oui madame', 'oui monsieur', 'tout a fait', 'voila', 'oui cetait',
    ],
    no: [
      'non', 'nan', 'non non', 'pas du tout', 'jamais', 'personne', 'non merci', 'absolument pas', 'je pense pas', 'je crois pas', 'pas vraiment',
      'nan nan', 'je ne pense pas', 'je ne crois pas', 'personne ne', 'aucun', 'aucune', 'ma pas', 'mont pas', 'ma jamais', 'ma rien demande', 'il a pas', 'elle a pas',
    ],
    unsure: [
      'je sais pas', 'jsais pas', 'jsp', 'je ne sais pas', 'sais pas', 'chais pas', 'chai pas', 'chepa', 'aucune idee', 'peut etre', 'ptet', 'ptetre', 'pt etre',
      'je suis pas sur', 'je suis pas sure', 'jsuis pas sur', 'jsuis pas sure', 'pas sur', 'pas sure', 'pas certain', 'pas certaine', 'je me souviens pas', 'je ne me souviens pas', 'je me souviens plus', 'me souviens plus', 'je me rappelle plus', 'jme rappelle plus', 'je ne men souviens plus',
      'je men souviens plus', 'jme souviens plus', 'je sais plus', 'jsais plus', 'probablement', 'possible', 'jen sais rien', 'jsp trop', 'je sais pas trop',
    ],
    self: [
      '=moi', 'moi et', 'cest moi', 'moi meme', 'sur moi', 'a propos de moi', 'mes photos', 'ma photo', 'mes nudes', 'mes videos', 'ma video', 'pour moi', 'cest mes photos',
      'cest a moi', 'de moi', 'moi perso', 'cest mon cas', 'il sagit de moi', 'ca me concerne', 'cest pour moi',
    ],
    helper: [
      'quelquun dautre', 'une autre personne', 'autre personne', 'pour quelquun', 'mon amie', 'mon ami', 'ma pote', 'mon pote', 'une amie', 'un ami', 'une copine',
      'ma copine', 'mon copain', 'ma fille', 'mon fils', 'ma soeur', 'ma petite soeur', 'mon frere', 'mon petit frere', 'ma cousine', 'mon cousin', 'mon eleve', 'une eleve',
      'ma meilleure amie', 'mon meilleur ami', 'ma bff', 'mes amis', 'mes potes', 'pas moi', 'cest pas moi', 'ce nest pas moi', 'jaide', 'jaide une amie',
      'pour une amie', 'pour un ami', 'pour ma fille', 'je suis parent', 'je suis prof', 'je suis sa mere', 'je suis la mere', 'je suis le pere', 'ma niece',
      'mon neveu', 'une camarade', 'ma camarade',
    ],
    human: [
      'vraie personne', 'une vraie personne', 'personne reelle', 'quelquun de reel', 'quelquun de vrai', 'parler a quelquun', 'parler a une personne',
      'parler a un humain', '=humain', 'un humain', 'tes un bot', 'tu es un bot', 'tes un robot', 'tu es un robot', 'tes reel', 'tes une vraie personne',
      'je veux parler a', 'je peux parler a', 'un conseiller', 'une conseillere', '=aide', '=aide moi', '=aidez moi',
    ],
    back: [
      '=retour', 'retour en arriere', 'retour arriere', 'revenir en arriere', 'en arriere', 'question precedente', '=precedent', '=annuler',
      '=je me suis trompe', '=je me suis trompee', '=jme suis trompe', '=jme suis trompee', 'trompe de bouton', 'trompee de bouton', 'mauvais bouton',
      'jai mal clique', 'mal clique', 'jai appuye trop vite', 'changer ma reponse', 'changer de reponse', '=oups', 'oups je me suis trompe',
    ],
    new_link: ['nouveau lien', 'un autre lien', 'autre lien', 'le lien marche pas', 'le lien ne marche pas', 'le lien fonctionne pas', 'lien expire', 'renvoie le lien', 'renvoyer le lien'],
    nude: [
      'nue', 'nues', 'toute nue', 'tout nu', 'a poil', 'sans vetements', 'en sous vetements', 'sous vetements', 'en culotte', 'en soutif', 'en soutien gorge',
      'seins', 'seins nus', 'sexuel', 'sexuelle', 'sexuelles', 'porno', 'a moitie nue', 'en maillot',
    ],
    not_nude: ['pas nue', 'pas nu', 'etais pas nue', 'etais pas nu', 'habillee', 'habille', 'avec des vetements', 'juste mon visage', 'que mon visage', 'photo normale', 'rien de sexuel', 'pas sexuel', 'pas sexuelle'],
    have_copy: ['=je lai', '=je les ai', 'je lai toujours', 'je les ai toujours', 'jai une copie', 'dans mon tel', 'dans mon telephone', 'dans ma galerie', 'sur mon tel', 'sur mon telephone', 'je lai garde', 'je lai gardee', 'je les ai gardees', 'je lai encore', 'je les ai encore'],
    no_copy: [
      'je lai plus', 'je les ai plus', 'je lai pas', 'je les ai pas', 'je ne lai plus', 'jai supprime', 'je lai supprime', 'je lai supprimee', 'je les ai supprimees',
      '=supprime', '=supprimee', '=efface', 'je lai efface', 'jai tout supprime', 'jai tout efface', 'jai pas de copie', 'pas de copie', 'plus sur mon tel',
    ],
    confused: ['je comprends pas', 'jcomprends pas', 'je ne comprends pas', 'comprends pas', 'jcapte pas', 'ca veut dire quoi', 'cest a dire', '=quoi', '=hein', 'jai pas compris'],
  },
  numbers: {
    neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix sept': 17, 'dix huit': 18, 'dix neuf': 19, vingt: 20,
  },
  below: ['moins de', 'en dessous de', 'pas encore', 'presque', 'bientot', 'moins que', 'meme pas'],
  atLeast: ['plus de', 'au dessus de', 'au moins', 'plus que'],
  orMore: ['ou plus', 'et plus', 'ou plus vieux', 'ou plus vieille'],
  fillers: ['euh', 'heu', 'bah', 'bref', 'genre', 'wesh', 'wsh', 'mdr', 'ptdr', 'stp', 'svp', 'sil te plait', 'sil vous plait', 'enfin', 'alors', 'frr'],
  particles: [],
  disclosure: [
    'menac\\w*|chantage\\w*|sextorsion|extorsion|extorqu\\w*',
    '(?:va|vont|allait|allaient|veut|veulent|menace de)(?: \\w+){0,3} (?:publier|poster|partager|envoyer|diffuser|montrer|balancer|leak|afficher|divulguer)',
    'si je (?:ne )?(?:\\w+ ){0,2}(?:paie|paye|envoie|envoi|donne|fais) pas',
    '(?:demande|demandent|veut|veulent|exige|exigent|reclame|reclament)(?: \\w+){0,3} (?:l?argent|thune|fric|sous|euros?|\\d+|usd|virement|bitcoin|crypto|carte cadeau|cartes cadeaux|plus de (?:photos|nudes|videos)|dautres (?:photos|nudes|videos)|une autre photo)',
  ],
  negators: ['personne', 'pas', 'jamais', 'rien', 'non', 'ne', 'aucun', 'aucune'],
  contrast: ['mais'],
  languages: { francais: 'fr', french: 'fr', anglais: 'en', espagnol: 'es', thai: 'th', thailandais: 'th' },
};
