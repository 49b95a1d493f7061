// Spanish risk phrases: self-harm and immediate danger as teens type them, with the idioms that stay quiet.

import { book, notBefore } from './book';

// Spanish. Folded like English: no accents ("dano", "mi"), no ñ ("munecas"), letters collapsed.

const ES_ONLINE = notBefore('en', 'por');
// Who else might be the subject: "va a matarme" is a threat, "voy a matarme" is self-harm.
const ES_THEY_VERB =
  '(?:quiere|quieren|queria|querian|va a|van a|iba a|iban a|amenaza con|amenazo con|amenazan con|amenazaron con|intenta|trata de|esta tratando de|dijo que (?:me )?va a|dice que (?:me )?va a|dijo que (?:me )?iba a|puede|podria)';
const ES_PARENTS = 'mama|mami|madre|papa|papi|padre|padres|papas|mis jefes|abuel[oa]s?|mi familia';
const ES_IDIOM_KILL = `${ES_PARENTS}|si (?:se entera|sabe|lo sabe|ve|lo ve|me ve|se da cuenta|descubre)|cuando (?:se entere|sepa|vea|lo vea|se de cuenta)`;
const ES_NOT_HAIR = notBefore('el', 'la', 'los', 'las', 'mi', 'mis', 'un', 'una', 'con', 'jugando', 'cocinando');

export const es = book('latin', {
  self_harm: [
    '(?:quiero|quisiera|kiero|qiero|queria|deseo|desearia|prefiero|preferiria|ganas de|me gustaria|ojala pudiera|solo quiero) morir(?:me|nos)?',
    '(?:quiero|quisiera|deseo|prefiero|ojala) (?:estar )?muert[oa]|ojala (?:me muera|estuviera muert[oa]|no hubiera nacido|no haber nacido)|mejor (?:estar |estaria )?muert[oa]|(?:estarian|estaria) (?:todos )?mejor sin mi',
    'suicid(?:arme|arse|ar|io|ios|a|as|ando|ado|ada)',
    'auto ?lesion(?:es|arme|arse|ando|o)?|autolesionar(?:me|se)',
    `(?<!${ES_THEY_VERB}\\s?)(?:matarme|hacerme dano|lastimarme|herirme|cortarme${ES_NOT_HAIR})`,
    'me (?:voy a|vo a|quiero|kiero|queria|pienso) (?:matar|suicidar|lastimar|ahorcar|morir)',
    `me (?:voy a|quiero|kiero) cortar${ES_NOT_HAIR}`,
    'me (?:hago|hice|estoy haciendo|quiero hacer|voy a hacer|sigo haciendo) dano',
    `cortar(?:me)? (?:las|mis) (?:venas|munecas|brazos|piernas)|me (?:corto|corte|cortaba|estoy cortando|sigo cortando|volvi a cortar)(?: (?:las|los|mis) (?:venas|munecas|brazos|piernas))?${ES_NOT_HAIR}`,
    `no (?:quiero|kiero|qiero|deseo) (?:seguir )?(?:vivir|viviendo|existir|estar vivo|estar viva|despertar)${notBefore('con', 'cerca', 'junto')}`,
    'no (?:vale|merece) la pena (?:vivir|seguir)|(?:no tengo|sin) (?:razon|razones|motivo|motivos|nada|ganas) (?:para|por|de|por que|para que) (?:vivir|seguir viviendo)|ya no (?:puedo|quiero) (?:seguir )?(?:vivir|viviendo)|no (?:tiene|le veo) sentido (?:a )?(?:vivir|seguir viviendo|la vida|mi vida)',
    'quitarme la vida|(?:acabar|terminar) con (?:mi vida|todo)|desaparecer para siempre|dormir(?:me)? y no despertar|no despertar nunca|adios para siempre|adios mundo',
    '(?:tirarme|lanzarme|aventarme|me (?:voy a|quiero|kiero|pienso) (?:tirar|lanzar|aventar)) (?:de|desde|por|a|al) (?:un |el |la |una |los |las )?(?:puente|edificio|balcon|ventana|azotea|techo|tren|metro|vias|rio|precipicio|barranco)',
    'ahorcarme|envenenarme|sobredosis|(?:tomarme|tomar|me tome|tragarme) (?:todas las|todas mis|muchas|un monton de|el frasco de) (?:pastillas|pildoras|medicinas)',
  ],
  immediate_danger: [
    `${ES_THEY_VERB} (?:hacerme dano|lastimarme|golpearme|pegarme|violarme|secuestrarme|herirme|buscarme)`,
    'me (?:quiere|quieren|queria|va a|van a|iba a|amenaza con|amenazo con|amenazaron con) (?:hacer dano|lastimar|golpear|pegar|violar|secuestrar|herir)',
    { re: `${ES_THEY_VERB} matarme|me (?:quiere|quieren|queria|va a|van a|iba a|amenaza con|amenazo con|amenazaron con) matar`, unless: ES_IDIOM_KILL },
    '(?:esta|estan|hay alguien|hay un (?:hombre|tipo|senor|carro|coche)|alguien esta)(?: esperando| parado| afuera)? (?:afuera de|fuera de|enfrente de|frente a|en la puerta de) (?:mi|la) (?:casa|cuarto|puerta|ventana|depa|departamento|edificio)',
    '(?:el|ella|ellos|alguien|un hombre|un tipo|ese tipo|el tipo) (?:ya )?(?:esta|estan|se metio|entro|se metieron|entraron) (?:aqui|aca|en mi casa|en mi cuarto|adentro|dentro)',
    '(?:viene|vienen|va a venir|vino|vinieron|esta viniendo) (?:a|hacia|para) (?:mi casa|buscarme|por mi)|(?:sabe|saben|conoce) (?:donde vivo|mi direccion)',
    `me (?:esta|estan) (?:siguiendo|persiguiendo)${ES_ONLINE}|me (?:esta|estan) (?:pegando|golpeando|lastimando|haciendo dano|tocando|violando|ahorcando|asfixiando)`,
    'me (?:pega|pego|golpea|golpeo|golpearon|pegaron|violo|violaron|secuestro|secuestraron|drogo|drogaron|encerro|encerraron|amarro|amarraron|ataco|atacaron)|me (?:tiene|tienen) (?:encerrad[ao]|amarrad[ao]|secuestrad[ao])|estoy secuestrad[ao]',
    `(?:estoy|estamos) en peligro${notBefore('de')}|no estoy a salvo|no me siento (?:segur[ao]|a salvo)${notBefore('de', 'si', 'que', 'con (?:esto|eso)')}|(?:temo|tengo miedo) por mi vida|mi vida (?:esta )?en peligro|corro peligro`,
    '(?:tiene|trae|saco|lleva) (?:un|una) (?:arma|pistola|cuchillo|navaja|machete)',
    '(?:llamen|llama|llame|marquen|marca) (?:a )?(?:la policia|policia|al 911|911|al 112|112|una ambulancia|emergencias)',
    // "ayuda" and "ayúdame" are the Spanish HELP command; these are cries to anyone within earshot.
    {
      re: '(?:(?:por favor|porfa|porfavor|alguien|ayuda) )*(?:auxilio|socorro|ayudenme|alguien ayudeme|alguien ayudame|alguien ayuda|sos)(?: (?:por favor|porfa|porfavor|alguien|ya|rapido|auxilio|socorro|ayuda|ayudenme|ayudame))*',
      whole: true,
    },
  ],
});
