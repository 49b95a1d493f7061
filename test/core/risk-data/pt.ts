// Portuguese (Brazil and Portugal): as teens text it ("to", "vo me matar", "kkkk"), with "morrendo de rir" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'quero morrer',
      'eu quero me matar',
      'vou me matar',
      'to pensando em suicídio',
      'vou me suicidar',
      'não quero mais viver',
      'eu me corto quando fico triste',
      'quero me machucar',
      'automutilação',
      'todo mundo ficaria melhor sem mim',
      'quero acabar com tudo',
      'que vergonha quero morrer',
    ),
    ...danger(
      'ele tá na frente da minha casa',
      'alguém está me batendo',
      'ele vai me matar',
      'ele tá me seguindo',
      'estou em perigo',
      'chamem a polícia',
      'ele tem uma faca',
      'socorro',
    ),
  ],
  mustNot: [
    'morrendo de rir',
    'to morta de vergonha kkkk',
    'minha mãe vai me matar se descobrir',
    'ele me segue no insta',
    'ele ameaça postar minhas fotos',
    'ajuda',
    'me cortei cozinhando',
    'não tenho certeza',
    'morri kkkkk',
    'essa prova vai me matar',
  ],
};
