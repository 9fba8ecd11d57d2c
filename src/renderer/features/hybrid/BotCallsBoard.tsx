/**
 * Every live bot call of the agent's clients: client, line, duration, state and a peek at the
 * last lines; "Übernehmen" hands the call to this agent before the bot escalates.
 */
import { useTranslation } from 'react-i18next';
import type { BotTranscriptSegment } from '../../../shared/contract/services/hybridService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { BotTranscriptList } from './BotTranscriptList';
import type { BotCallView } from './hybridStore';
import type { TakeOverOutcome } from './offerActions';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';

/** Lines of the transcript the board shows per call. */
export const PEEK_LINES = 3;

export type TakeOverView = 'pending' | TakeOverOutcome;

export interface BotCallsBoardProps {
  calls: readonly BotCallView[];
  transcripts: Record<string, readonly BotTranscriptSegment[]>;
  clientName(clientId: string): string;
  now: number;
  takeOvers: Record<string, TakeOverView>;
  onTakeOver(callId: string): void;
}

/** `m:ss` (or `h:mm:ss`) since `startedAt`. */
export function formatDuration(startedAt: string, now: number): string {
  const start = Date.parse(startedAt);
  const total = Number.isFinite(start) ? Math.max(0, Math.floor((now - start) / 1_000)) : 0;
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

const TAKE_OVER_TEXT: Record<TakeOverView, string> = {
  pending: 'board.takingOver',
  accepted: 'board.takenOver',
  'already-taken': 'board.alreadyTaken',
  gone: 'board.gone',
  failed: 'board.failed',
};

export function BotCallsBoard(props: BotCallsBoardProps) {
  const { t } = useTranslation('hybrid');
  const live = props.calls.filter((call) => call.state !== 'ended');
  if (live.length === 0) {
    return (
      <p className="hybrid-muted" data-testid="bot-calls-empty">
        {t('board.empty')}
      </p>
    );
  }
  return (
    <table data-testid="bot-calls-table">
      <thead>
        <tr>
          <th scope="col">{t('board.client')}</th>
          <th scope="col">{t('board.line')}</th>
          <th scope="col">{t('board.duration')}</th>
          <th scope="col">{t('board.state')}</th>
          <th scope="col">{t('board.peek')}</th>
          <th scope="col">{t('board.action')}</th>
        </tr>
      </thead>
      <tbody>
        {live.map((call) => {
          const takeOver = props.takeOvers[call.callId];
          // Someone accepted it already (maybe this desk): the handover is under way.
          const claimed = call.acceptedBy !== null || call.state === 'handed-over';
          const canTakeOver = !claimed && takeOver === undefined;
          return (
            <tr key={call.callId} data-testid="bot-call-row" data-call-id={call.callId}>
              <td>{props.clientName(call.clientId)}</td>
              <td>{displayPhoneNumber(call.line) ?? sanitizeDisplayText(call.line, 32)}</td>
              <td className="bot-call-duration">{formatDuration(call.startedAt, props.now)}</td>
              <td data-testid="bot-call-state">{t(`states.${call.state}`)}</td>
              <td>
                <BotTranscriptList
                  segments={props.transcripts[call.callId] ?? []}
                  last={PEEK_LINES}
                  label={t('board.peek')}
                />
              </td>
              <td>
                {canTakeOver ? (
                  <button type="button" onClick={() => props.onTakeOver(call.callId)}>
                    {t('board.takeOver')}
                  </button>
                ) : null}
                {claimed && takeOver === undefined ? (
                  <p className="hybrid-muted">{t('board.claimed')}</p>
                ) : null}
                {takeOver ? (
                  <p className="hybrid-muted" role="status">
                    {t(TAKE_OVER_TEXT[takeOver])}
                  </p>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
