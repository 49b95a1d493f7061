// The LINE channel (@line/bot-sdk): one factory for the channel registry.

export { createLineChannel, type LineChannelOptions } from './channel';
