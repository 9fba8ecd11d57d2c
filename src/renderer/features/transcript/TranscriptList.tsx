/**
 * The virtualised transcript list: only the lines in view (plus a few) are in the DOM, so a
 * 60-minute call at 10 updates per second stays smooth. It follows the live end until the agent
 * scrolls up; then a "back to live" button appears and new lines no longer move the view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { TranscriptLine } from './TranscriptLine';

/** Closer than this to the end counts as "at the live end". */
const FOLLOW_THRESHOLD_PIXELS = 48;
const ESTIMATED_LINE_PIXELS = 40;

export interface TranscriptListHandle {
  /** Scrolls to a line (e.g. where a keyword fell) and stops following the live end. */
  showSegment(segmentId: string, startSeconds: number): void;
}

export interface TranscriptListProps {
  segments: readonly TranscriptSegment[];
  keywords: readonly string[];
  onQuote(segment: TranscriptSegment): void;
}

export const TranscriptList = forwardRef<TranscriptListHandle, TranscriptListProps>(
  function TranscriptList({ segments, keywords, onQuote }, handle) {
    const { t } = useTranslation('transcript');
    const scrollElement = useRef<HTMLDivElement>(null);
    const [following, setFollowing] = useState(true);
    const virtualizer = useVirtualizer({
      count: segments.length,
      getScrollElement: () => scrollElement.current,
      estimateSize: () => ESTIMATED_LINE_PIXELS,
      getItemKey: (index) => segments[index]!.segmentId,
      overscan: 6,
    });
    const totalSize = virtualizer.getTotalSize();
    const lastSegment = segments[segments.length - 1];

    // Follow the live end: after every change of content or size, while following.
    useLayoutEffect(() => {
      const element = scrollElement.current;
      if (following && element) element.scrollTop = element.scrollHeight;
    }, [following, totalSize, segments.length, lastSegment]);

    const onScroll = useCallback(() => {
      const element = scrollElement.current;
      if (!element) return;
      const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
      setFollowing(distance <= FOLLOW_THRESHOLD_PIXELS);
    }, []);

    useImperativeHandle(
      handle,
      () => ({
        showSegment: (segmentId, startSeconds) => {
          let index = segments.findIndex((segment) => segment.segmentId === segmentId);
          // An interim line may have been replaced by a final with another id: go by time.
          if (index < 0) index = segments.findIndex((item) => item.startSeconds >= startSeconds);
          if (index < 0) return;
          setFollowing(false);
          virtualizer.scrollToIndex(index, { align: 'center' });
        },
      }),
      [segments, virtualizer],
    );

    return (
      <div className="transcript-list-frame">
        <div
          ref={scrollElement}
          className="transcript-scroll"
          onScroll={onScroll}
          tabIndex={0}
          aria-label={t('listLabel')}
        >
          {segments.length === 0 ? <p className="transcript-empty">{t('empty')}</p> : null}
          <div role="list" className="transcript-rows" style={{ height: totalSize }}>
            {virtualizer.getVirtualItems().map((item) => {
              const segment = segments[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={segments.length}
                  aria-posinset={item.index + 1}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="transcript-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <TranscriptLine segment={segment} keywords={keywords} onQuote={onQuote} />
                </div>
              );
            })}
          </div>
        </div>
        {following || segments.length === 0 ? null : (
          <button
            type="button"
            className="transcript-back-to-live"
            onClick={() => setFollowing(true)}
          >
            {t('backToLive')}
          </button>
        )}
      </div>
    );
  },
);
