// Portuguese words for typed answers, as teens in Brazil and Portugal type them (ss, sla, n sei, vc, telemóvel, kkk).

import type { Lexicon } from '../lexicon';

export const pt: Lexicon = {
  locale: 'pt',
  script: 'latin',
  intents: {
    yes: [
      'sim', '=ss', '=sss', 'claro que sim', 'com certeza', '=certeza', 'certo', '=isso', '^isso', 'isso mesmo', 'exato', 'exatamente', 'aham', 'uhum', 'e sim', 'acho que sim',
      'sim sim', 'beleza', 'blz', 'sim senhora', '=pois', 'pois e', 'pois sim', 'sim era', 'sim eu era', 'sim ele fez', 'sim tenho',
    ],
    no: [
      'nao', 'naum', 'nops', 'nem a pau', 'de jeito nenhum', 'jamais', 'ninguem', 'nenhum', 'nenhuma', 'acho que nao', 'claro que nao', '=nada', 'nem pensar',
      'nao nao', 'nunca', 'ninguem me', 'nao era', 'nao fez',
    ],
    unsure: [
      'nao sei', 'sei la', 'sla', 'n sei', 'nsei', 'num sei', 'nao faco ideia', 'nem ideia', 'nao tenho certeza', 'sem certeza', 'talvez', 'pode ser', 'nao lembro',
      'nao me lembro', 'n lembro', 'nao sei dizer', 'provavelmente', 'quem sabe', 'sei nao', 'nao sei bem', 'nao tenho a certeza',
    ],
    self: [
      '=eu', 'eu mesma', 'eu mesmo', 'sou eu', 'e sobre mim', 'sobre mim', 'de mim', 'minhas fotos', 'minha foto', 'meus nudes', 'meu nude', 'meus videos', 'meu video',
      'para mim', 'pra mim', 'e meu', 'e minha', 'sao minhas', 'eu propria', 'eu proprio', 'comigo', 'aconteceu comigo', 'fui eu', 'eu e',
    ],
    helper: [
      'outra pessoa', 'alguem mais', 'outro alguem', 'por alguem', 'pra alguem', 'minha amiga', 'meu amigo', 'uma amiga', 'um amigo', 'minhas amigas', 'meus amigos',
      'minha melhor amiga', 'meu melhor amigo', 'minha filha', 'meu filho', 'minha irma', 'meu irmao', 'minha prima', 'meu primo', 'minha sobrinha', 'meu sobrinho',
      'minha aluna', 'meu aluno', 'minha namorada', 'meu namorado', 'uma colega', 'um colega', 'minha colega', 'meu colega', 'nao sou eu', 'nao e sobre mim',
      'nao e comigo', 'estou ajudando', 'to ajudando', 'ajudando uma amiga', 'pra uma amiga', 'para uma amiga', 'sou mae', 'sou a mae', 'sou pai', 'sou o pai',
      'sou professora', 'sou professor', 'sou prof', 'minha mina', '=amigo', '=amiga', '=colega',
    ],
    human: [
      'pessoa real', 'uma pessoa real', 'pessoa de verdade', 'alguem de verdade', 'falar com alguem', 'falar com uma pessoa', 'falar com um humano', 'posso falar com',
      'quero falar com', 'preciso falar com', 'voce e um bot', 'vc e um bot', 'vc e bot', 'e um bot', 'vc e robo', 'e um robo', 'voce e real', 'vc e real',
      'atendente', '=um atendente', '=ajuda', '=me ajuda', '=socorro',
    ],
    back: [
      '=voltar', '=volta', 'voltar atras', 'volta atras', 'voltar pra anterior', 'pergunta anterior', 'desfazer', 'cliquei errado', 'apertei errado', 'carreguei mal',
      'botao errado', '=errei', 'errei o botao', 'mudar resposta', 'mudar minha resposta', 'trocar resposta', '=ops', 'ops errei',
    ],
    new_link: ['novo link', 'o link nao funciona', 'link nao abre', 'link nao funciona', 'link expirou', 'manda o link', 'link de novo', 'outra ligacao'],
    nude: [
      'nua', 'nuas', 'pelada', 'pelado', 'sem roupa', 'de calcinha', 'calcinha', 'de sutia', 'sutia', 'roupa intima', 'pornografia', 'peitos', 'seios',
      'foto intima', 'fotos intimas', 'sensual', 'seminua', 'de cuecas', 'em cuecas',
    ],
    not_nude: ['nao estava nua', 'nao tava nua', 'nao era nude', 'nao era nua', 'de roupa', 'com roupa', 'so meu rosto', 'meu rosto', 'so o rosto', 'so a cara', 'nada sexual', 'nao e sexual', 'nao era sexual'],
    have_copy: [
      'tenho sim', 'eu tenho', '=tenho', 'tenho uma copia', 'no meu celular', 'no celular', 'no meu cel', 'no cel', 'no meu telemovel', 'no telemovel', 'no meu telefone',
      'no telefone', 'na galeria', 'na minha galeria', 'salvei', 'guardei', 'ainda tenho',
    ],
    no_copy: [
      'nao tenho', 'nao tenho mais', 'nao tenho copia', 'n tenho', 'apaguei', 'eu apaguei', 'ja apaguei', 'deletei', 'exclui', 'nao esta no meu celular', 'so online',
      'so na internet', 'perdi', 'nao ta no celular',
    ],
    confused: ['nao entendi', 'nao entendo', 'n entendi', 'como assim', '=o que', 'nao compreendo', 'que isso'],
  },
  numbers: {
    nove: 9, dez: 10, onze: 11, doze: 12, treze: 13, catorze: 14, quatorze: 14, quinze: 15, dezesseis: 16, dezasseis: 16, dezessete: 17, dezassete: 17, dezoito: 18,
    dezenove: 19, dezanove: 19, vinte: 20,
  },
  below: ['abaixo de', 'quase', 'ainda nao', 'nem', 'nem tenho'],
  atLeast: ['mais de', 'acima de', 'maior de', 'pelo menos', 'no minimo'],
  orMore: ['ou mais', 'pra cima', 'para cima', 'ou mais velha', 'ou mais velho'],
  fillers: ['entao', 'ah', 'ahn', 'rs', 'rsrs', 'pfv', 'pf', 'vei', 'tipo assim'],
  particles: [],
  disclosure: [
    'ameac\\w*|chantag\\w*|extors\\w*|sextors\\w*',
    'se (?:eu )?nao (?:\\w+ ){0,2}(?:pagar|mandar|enviar|der|fizer|transferir)',
    '(?:vai|vao|ia|iam|quer|querem|ameacou|disse que vai|falou que vai)(?: \\w+){0,3} (?:postar|publicar|espalhar|vazar|mandar|enviar|divulgar|mostrar|compartilhar|partilhar|expor)',
    '(?:pede|pedem|pediu|pedindo|quer|querem|queria|exige|exigiu|cobra|cobrando|cobrou)(?: \\w+){0,3} (?:dinheiro|grana|pix|reais|euros?|\\d+|usd|bitcoin|cripto|transferencia|mais (?:fotos|nudes|videos)|outra foto|outro video|outro nude)',
  ],
  negators: ['ninguem', 'nao', 'nunca', 'nem', 'nada', 'jamais'],
  contrast: ['mas', 'porem'],
  languages: { portugues: 'pt', portuguese: 'pt', brasileiro: 'pt', espanhol: 'es', ingles: 'en', tailandes: 'th' },
};
