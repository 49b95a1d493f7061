// Reads server-sent events from a fetch response as they arrive, with the time each one came in.

export interface SseEvent {
  event: string;
  data: string;
  /** Date.now() when the event was read. */
  at: number;
}

export interface SseReader {
  events: SseEvent[];
  isDone(): boolean;
  cancel(): Promise<void>;
}

export function readSse(response: Response): SseReader {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: SseEvent[] = [];
  let done = false;
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let index: number;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ?? '', at: Date.now() });
        }
      }
    } catch {
      /* cancelled */
    }
    done = true;
  })();
  return { events, isDone: () => done, cancel: () => reader.cancel().catch(() => {}) };
}
