// Portuguese (Brazil and Portugal) risk phrases as teens type them ("to", "vo me matar", "kkkk"), with "morrendo de rir" and "minha mãe vai me matar" left alone.

import { book, notBefore } from './book';

const PT_THEY = '(?:ele|ela|eles|elas|alguem|um cara|um homem|um moco|o cara|esse cara|meu ex|meu padrasto|meu pai|meu tio|meu irmao)';
// "Vai me matar se descobrir" is the idiom about a parent finding out; "essa prova vai me matar" is school.
const PT_IDIOM = 'se (?:ela |ele |eles |elas )?(?:descobrir|souber|ver|descobrirem|souberem|vir)|minha mae|meu pai|meus pais';
const PT_NOT_IDIOM = notBefore('de (?:estudar|rir|trabalhar|tanto|fome|vergonha|correr|treinar)');

export const pt = book('latin', {
  self_harm: [
    `(?:quero|queria|vontade de|desejo|prefiro|so quero|quer) (?:muito |so |tanto )?(?:morrer|me matar|sumir pra sempre|sumir para sempre|desaparecer pra sempre|nao existir|me suicidar|acabar com tudo|acabar com a minha vida|acabar com minha vida)${notBefore('de rir')}`,
    `(?:vou|vo|to pensando em|penso em|pensando em|vou acabar) me (?:matar|suicidar)${PT_NOT_IDIOM}`,
    'suicid(?:io|ar|arme|ar me)|me suicid(?:ar|o|ei)|automutila(?:cao|coes|r|ndo)|auto mutilacao|autolesao|auto lesao',
    '(?:nao|n|nem) (?:quero|aguento|to aguentando) (?:mais )?viver|nao quero viver mais|(?:sem|nenhum|nenhuma) (?:motivo|razao) (?:pra|para) viver',
    `(?:me corto|me cortando|me cortei de novo|cortar os pulsos|cortei os pulsos|corto os pulsos|corto meus bracos)${notBefore('cozinhando', 'sem querer', 'com (?:a|o|uma|um) (?:faca|papel|vidro)', 'o (?:cabelo|dedo)')}`,
    '(?:quero|vou|vo) me (?:machucar|ferir|enforcar|jogar (?:da|de|do|na frente))|me machucando',
    'melhor(?:es)? sem mim',
  ],
  immediate_danger: [
    `${PT_THEY} (?:ta |esta |tao |estao |fica |ficou )?(?:parado |esperando |me esperando )?(?:na frente d[ao]|em frente (?:a|da|ao)|na porta d[ae]|fora d[ae]|do lado de fora d[ae]) (?:minha|nossa) (?:casa|porta|janela|escola|predio)`,
    `${PT_THEY} (?:ta|esta|tao|estao|tá) (?:me )?(?:batendo|espancando|machucando|tocando|estuprando|enforcando|seguindo|perseguindo)(?: em mim)?${notBefore('no', 'na', 'nas', 'nos', 'em (?:todas|todos)', 'online')}`,
    { re: `${PT_THEY} (?:vai|vao|quer|querem|ameacou|ameaca|disse que vai|falou que vai) (?:me )?(?:matar|bater|machucar|estuprar|sequestrar)`, unless: PT_IDIOM },
    `(?:to|estou|tou|eu to) em perigo|(?:nao|n) me sinto segur[oa]${notBefore('de', 'em', 'com (?:isso|esse|essa)')}|medo de morrer`,
    '(?:chamem|chama|chame|liga|liguem|liga pra|ligue para) (?:a |pra |para a )?(?:policia|190|192|112|ambulancia|samu)',
    `${PT_THEY} (?:tem|ta com|esta com|trouxe) (?:uma|um) (?:faca|arma|revolver|pistola)`,
    { re: '(?:socorro|alguem me ajuda|me ajudem)(?: (?:socorro|por favor|pfv|pf|rapido|me ajudem))*', whole: true },
  ],
});
