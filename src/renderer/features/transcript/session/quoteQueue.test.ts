import { describe, expect, it } from 'vitest';
import { QuoteQueue } from './quoteQueue';

function notes() {
  const open = new Set<string>();
  const appended: [string, string][] = [];
  const append = (callId: string, text: string) => {
    if (!open.has(callId)) return false;
    appended.push([callId, text]);
    return true;
  };
  return { open, appended, queue: new QuoteQueue(append) };
}

describe('QuoteQueue', () => {
  it('appends at once when the note of the call is open', () => {
    const { open, appended, queue } = notes();
    open.add('call-1');
    expect(queue.quote('call-1', 'Hallo', true)).toBe('quoted');
    expect(appended).toEqual([['call-1', 'Hallo']]);
  });

  it('keeps quotes made during the call and appends them in order when the note opens', () => {
    const { open, appended, queue } = notes();
    expect(queue.quote('call-1', 'erste', true)).toBe('queued');
    expect(queue.quote('call-1', 'zweite', true)).toBe('queued');
    open.add('call-1');
    queue.flush('call-1');
    expect(appended).toEqual([
      ['call-1', 'erste'],
      ['call-1', 'zweite'],
    ]);
    expect(queue.pendingFor('call-1')).toBe(0);
  });

  it('keeps order: a new quote waits behind older waiting ones', () => {
    const { open, appended, queue } = notes();
    queue.quote('call-1', 'alt', true);
    open.add('call-1');
    expect(queue.quote('call-1', 'neu', true)).toBe('quoted');
    expect(appended.map(([, text]) => text)).toEqual(['alt', 'neu']);
  });

  it('fails when the call is over and no note is open, and never crosses calls', () => {
    const { open, appended, queue } = notes();
    open.add('call-2');
    expect(queue.quote('call-1', 'x', false)).toBe('failed');
    queue.quote('call-1', 'y', true);
    queue.flush('call-2');
    expect(appended).toEqual([]);
    queue.forget('call-1');
    expect(queue.pendingFor('call-1')).toBe(0);
  });

  it('appends each waiting quote once when appending notifies the queue again', () => {
    const appended: string[] = [];
    let open = false;
    const queue: QuoteQueue = new QuoteQueue((_callId, text) => {
      if (!open) return false;
      appended.push(text);
      queue.flushAll(); // the notes store's listener runs inside the append
      return true;
    });
    queue.quote('call-1', 'eins', true);
    queue.quote('call-1', 'zwei', true);
    open = true;
    queue.flushAll();
    expect(appended).toEqual(['eins', 'zwei']);
  });
});
