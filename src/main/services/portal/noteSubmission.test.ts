import { describe, expect, it } from 'vitest';
import { classifyNoteAnswer } from './noteSubmission';

const answer = (status: number, body: unknown = null, retryAfterSeconds?: number) => ({
  status,
  body,
  retryAfterSeconds,
});

describe('classifyNoteAnswer', () => {
  it('accepts a stored note (201) and a replayed one (200)', () => {
    expect(classifyNoteAnswer(answer(201, { id: 'n1', status: 'received' }))).toEqual({
      kind: 'accepted',
      noteId: 'n1',
      status: 'received',
    });
    expect(classifyNoteAnswer(answer(200, { id: 'n1', status: 'delivered' })).kind).toBe(
      'accepted',
    );
  });

  it('retries 429 and 503 with Retry-After without counting them toward the dead letter', () => {
    for (const status of [429, 503]) {
      expect(classifyNoteAnswer(answer(status, { error: { code: 'unavailable' } }, 7))).toEqual({
        kind: 'retry',
        code: 'unavailable',
        httpStatus: status,
        retryAfterSeconds: 7,
        countsTowardLimit: false,
      });
    }
  });

  it('retries other server errors and counts them', () => {
    expect(classifyNoteAnswer(answer(500, 'oops'))).toEqual({
      kind: 'retry',
      code: 'http-500',
      httpStatus: 500,
      countsTowardLimit: true,
    });
  });

  it('rejects what sending again cannot fix, with field paths but never messages', () => {
    const body = {
      error: {
        code: 'validation',
        message: 'Request is invalid',
        fieldErrors: [{ path: 'body.concern', message: 'echo of the caller’s words' }],
      },
    };
    const result = classifyNoteAnswer(answer(400, body));
    expect(result).toEqual({
      kind: 'rejected',
      code: 'validation',
      httpStatus: 400,
      fieldPaths: ['body.concern'],
    });
    expect(JSON.stringify(result)).not.toContain('echo');
    expect(classifyNoteAnswer(answer(409, { error: { code: 'conflict' } })).kind).toBe('rejected');
  });
});
