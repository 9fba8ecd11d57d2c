/**
 * The baseline for the benchmark: the same transcript lines as the real panel, but every line
 * in the DOM (no virtualisation), following the live end the same way.
 */
import { useLayoutEffect, useRef } from 'react';
import type { TranscriptSegment } from '../../../../shared/contract/services/transcriptionService';
import { useAppStore } from '../../../app/state/appStore';
import { TranscriptLine } from '../TranscriptLine';
import type { TranscriptStore } from '../transcriptStore';

const ignoreQuote = () => undefined;

export function PlainTranscriptList({ store }: { store: TranscriptStore }) {
  const segments = useAppStore(store, (state) => state.transcript.segments);
  const keywords = useAppStore(store, (state) => state.keywords);
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [segments]);
  return (
    <section className="transcript-panel">
      <div className="transcript-list-frame">
        <div ref={scroller} className="transcript-scroll">
          <div role="list">
            {segments.map((segment: TranscriptSegment) => (
              <div key={segment.segmentId} role="listitem">
                <TranscriptLine segment={segment} keywords={keywords} onQuote={ignoreQuote} />
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
