// Unit tests of the Update parser: real Update shapes in, InboundEvents and follow-up calls out.

import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { isUpdate, parseUpdate } from '../../../src/channels/telegram/parse-update';
import { callbackUpdate, LOCATION, messageUpdate, PHOTO, STICKER, textUpdate, VOICE } from './fake';

const ana = { id: 5550001, language_code: 'en' };
const AT = 1_764_000_000_000;
const parse = (update: Record<string, unknown>) => parseUpdate(update as unknown as Update, AT);

describe('parseUpdate', () => {
  it('turns a text message into a text event keyed by update_id, from the chat id, with the language hint', () => {
    const update = textUpdate(ana, 'hello there');
    const { event, followUps } = parse(update);
    expect(event).toEqual({
      type: 'inbound',
      channel: 'telegram',
      userId: '5550001',
      dedupeKey: `telegram:${update.update_id}`,
      kind: 'text',
      text: 'hello there',
      localeHint: 'en',
      at: AT,
    });
    expect(followUps).toEqual([]);
  });

  it('leaves out the language hint when Telegram gives none', () => {
    const { event } = parse(textUpdate({ id: 5550002 }, 'hi'));
    expect(event).not.toHaveProperty('localeHint');
  });

  it('makes /start (also with a payload or @botname) a start event', () => {
    for (const text of ['/start', '/start abc123', '/start@ReclaimTestBot']) {
      const { event } = parse(textUpdate(ana, text));
      expect(event?.kind, text).toBe('start');
      expect(event).not.toHaveProperty('text');
    }
  });

  it('passes other commands on as text, without the @botname suffix', () => {
    expect(parse(textUpdate(ana, '/help')).event).toMatchObject({ kind: 'text', text: '/help' });
    expect(parse(textUpdate(ana, '/help@ReclaimTestBot')).event).toMatchObject({ kind: 'text', text: '/help' });
    expect(parse(textUpdate(ana, '/startle')).event).toMatchObject({ kind: 'text', text: '/startle' });
  });

  it('turns a callback query into a choice and always owes an answer to it', () => {
    const update = callbackUpdate(ana, 'role:self');
    const { event, followUps } = parse(update);
    expect(event).toMatchObject({ kind: 'choice', choiceId: 'role:self', userId: '5550001', localeHint: 'en', dedupeKey: `telegram:${update.update_id}` });
    const query = update.callback_query as { id: string };
    expect(followUps).toEqual([{ type: 'answerCallbackQuery', callbackQueryId: query.id }]);
  });

  it('answers a callback without data (a game button) but makes no event', () => {
    const update = callbackUpdate(ana, 'x');
    delete (update.callback_query as Record<string, unknown>).data;
    const { event, followUps } = parse(update);
    expect(event).toBeNull();
    expect(followUps).toHaveLength(1);
  });

  it('turns a photo into a media event and owes a deleteMessage of that very message', () => {
    const { event, followUps } = parse(messageUpdate(ana, { ...PHOTO, caption: 'this one' }, 42));
    expect(event).toMatchObject({ kind: 'media', userId: '5550001' });
    expect(event).toHaveProperty('text', 'this one');
    expect(followUps).toEqual([{ type: 'deleteMessage', chatId: 5550001, messageId: 42 }]);
  });

  it('treats videos, animations, video notes and image or video files as media', () => {
    const contents = [
      { video: { file_id: 'v', file_unique_id: 'v', width: 640, height: 480, duration: 5, mime_type: 'video/mp4' } },
      { animation: { file_id: 'a', file_unique_id: 'a', width: 320, height: 240, duration: 2 }, document: { file_id: 'a', file_unique_id: 'a', mime_type: 'video/mp4' } },
      { video_note: { file_id: 'n', file_unique_id: 'n', length: 240, duration: 4 } },
      { document: { file_id: 'd', file_unique_id: 'd', file_name: 'IMG_0001.HEIC', mime_type: 'image/heic' } },
      { document: { file_id: 'd', file_unique_id: 'd', file_name: 'clip.mov' } },
    ];
    for (const content of contents) {
      const { event, followUps } = parse(messageUpdate(ana, content, 7));
      expect(event?.kind, Object.keys(content).join()).toBe('media');
      expect(followUps).toEqual([{ type: 'deleteMessage', chatId: 5550001, messageId: 7 }]);
    }
  });

  it('calls stickers, voice, audio, locations, contacts, venues and other files unsupported, and deletes nothing', () => {
    const contents = [
      STICKER,
      VOICE,
      { audio: { file_id: 'au', file_unique_id: 'au', duration: 100, mime_type: 'audio/mpeg' } },
      LOCATION,
      { contact: { phone_number: '+66000000000', first_name: 'Someone' } },
      { venue: { location: LOCATION.location, title: 'Park', address: 'Road 1' }, ...LOCATION },
      { document: { file_id: 'p', file_unique_id: 'p', file_name: 'notes.pdf', mime_type: 'application/pdf' } },
    ];
    for (const content of contents) {
      const { event, followUps } = parse(messageUpdate(ana, content));
      expect(event?.kind, Object.keys(content).join()).toBe('unsupported');
      expect(followUps).toEqual([]);
    }
  });

  it('acknowledges group chats without an event or any call', () => {
    const group = { id: -100123456789, title: 'Class 9B', type: 'supergroup' };
    const text = textUpdate(ana, 'hello');
    (text.message as Record<string, unknown>).chat = group;
    expect(parse(text)).toMatchObject({ event: null, followUps: [] });
    const photo = messageUpdate(ana, PHOTO);
    (photo.message as Record<string, unknown>).chat = group;
    expect(parse(photo)).toMatchObject({ event: null, followUps: [] });
  });

  it('ignores a callback from a group chat but still answers it', () => {
    const update = callbackUpdate(ana, 'role:self');
    ((update.callback_query as { message: Record<string, unknown> }).message).chat = { id: -100999, title: 'G', type: 'group' };
    const { event, followUps } = parse(update);
    expect(event).toBeNull();
    expect(followUps[0]?.type).toBe('answerCallbackQuery');
  });

  it('ignores edits, channel posts and service messages', () => {
    const edited = textUpdate(ana, 'hello');
    const editedUpdate = { update_id: edited.update_id, edited_message: { ...(edited.message as object), edit_date: 1764000100 } };
    expect(parse(editedUpdate).event).toBeNull();
    expect(parse({ update_id: 1, channel_post: { message_id: 1, date: 1, chat: { id: -1001, type: 'channel', title: 'C' }, text: 'x' } }).event).toBeNull();
    expect(parse(messageUpdate(ana, { write_access_allowed: { from_request: true } })).event).toBeNull();
  });
});

describe('isUpdate', () => {
  it('accepts objects with an integer update_id and nothing else', () => {
    expect(isUpdate({ update_id: 1 })).toBe(true);
    for (const value of [null, [], 'x', 3, {}, { update_id: '1' }, { update_id: 1.5 }]) expect(isUpdate(value), JSON.stringify(value)).toBe(false);
  });
});

describe('parseUpdate: blocking and captions', () => {
  const person = { id: 4242, language_code: 'en' };
  it('turns a "kicked" my_chat_member update into a left event', () => {
    const update = {
      update_id: 99,
      my_chat_member: {
        chat: { id: person.id, type: 'private', first_name: 'Ana' },
        from: { id: person.id, is_bot: false, first_name: 'Ana' },
        date: 1764000000,
        old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'Reclaim' } },
        new_chat_member: { status: 'kicked', until_date: 0, user: { id: 1, is_bot: true, first_name: 'Reclaim' } },
      },
    };
    expect(parseUpdate(update as never, 5).event).toMatchObject({ kind: 'left', userId: String(person.id), dedupeKey: 'telegram:99' });
  });

  it('keeps the caption of a photo as text to read, never the photo', () => {
    const parsed = parseUpdate(messageUpdate(person, { ...PHOTO, caption: 'he says he will post it' }) as never, 5);
    expect(parsed.event).toMatchObject({ kind: 'media', text: 'he says he will post it' });
    expect(parsed.followUps).toContainEqual(expect.objectContaining({ type: 'deleteMessage' }));
  });
});
