import { describe, expect, it, vi } from 'vitest';
import type { AppClient } from '../../../shared/contract/appContract';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import type { HumanTranscriptSegment } from '../../../shared/portalWire/supervisionSchemas';
import type { Result } from '../../../shared/rpc/result';
import { createTranscriptStore } from '../transcript/transcriptStore';
import { startHumanTranscriptReport } from './humanTranscriptReport';

const segment = (change: Partial<TranscriptSegment>): TranscriptSegment => ({
  segmentId: 's1',
  callId: 'leg-1',
  speaker: 'agent',
  text: '',
  isFinal: false,
  startSeconds: 0,
  endSeconds: 1,
  ...change,
});

function setup(answers: Result<null>[]) {
  const transcript = createTranscriptStore('leg-1');
  const report = vi.fn(
    async (_callId: string, _segments: HumanTranscriptSegment[]): Promise<Result<null>> =>
      answers.shift() ?? { ok: true, value: null },
  );
  const client = { hybrid: { reportHumanTranscript: report } } as unknown as AppClient;
  const stop = startHumanTranscriptReport({ botCallId: 'bot-call-1', transcript, client });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { transcript, report, stop, settle };
}

describe('the human part for the supervisor', () => {
  it('sends each final segment once, in milliseconds, never an interim one', async () => {
    const { transcript, report, settle } = setup([]);
    transcript.getState().addSegment(segment({ text: 'Guten' }));
    await settle();
    expect(report).not.toHaveBeenCalled();
    transcript
      .getState()
      .addSegment(
        segment({ text: 'Guten Tag.', isFinal: true, startSeconds: 0.25, endSeconds: 1.5 }),
      );
    await settle();
    transcript.getState().addSegment(
      segment({
        segmentId: 's2',
        speaker: 'caller',
        text: 'Hallo.',
        isFinal: true,
        startSeconds: 2,
      }),
    );
    await settle();
    await settle();
    expect(report.mock.calls).toEqual([
      [
        'bot-call-1',
        [{ segmentId: 's1', speaker: 'agent', text: 'Guten Tag.', startMs: 250, endMs: 1500 }],
      ],
      [
        'bot-call-1',
        [{ segmentId: 's2', speaker: 'caller', text: 'Hallo.', startMs: 2000, endMs: 1000 }],
      ],
    ]);
  });

  it('retries after a failure and stops when the portal refuses the call', async () => {
    const { transcript, report, settle } = setup([
      { ok: false, error: { code: 'unavailable', message: 'away' } },
      { ok: true, value: null },
      { ok: false, error: { code: 'conflict', message: 'ended' } },
    ]);
    transcript.getState().addSegment(segment({ text: 'Eins.', isFinal: true }));
    await settle();
    transcript.getState().addSegment(segment({ segmentId: 's2', text: 'Zwei.', isFinal: true }));
    await settle();
    await settle();
    // The failed first segment went again, together with the second.
    expect(report.mock.calls[1]![1].map((item) => item.text)).toEqual(['Eins.', 'Zwei.']);
    transcript.getState().addSegment(segment({ segmentId: 's3', text: 'Drei.', isFinal: true }));
    await settle();
    transcript.getState().addSegment(segment({ segmentId: 's4', text: 'Vier.', isFinal: true }));
    await settle();
    expect(report).toHaveBeenCalledTimes(3);
  });
});
