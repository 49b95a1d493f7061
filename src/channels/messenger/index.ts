// The Messenger channel (botbuilder 4.23.3 over the Graph Send API): what the registry and the CLI use.

export { createMessengerChannel, MAX_BODY_BYTES, type MessengerChannel, type MessengerChannelOptions } from './channel';
export { configureMessengerProfile, type MessengerProfileOptions } from './profile';
export { GET_STARTED_PAYLOAD } from './inbound';
export { GRAPH_API_VERSION, DEFAULT_GRAPH_API_URL } from './graph-client';
