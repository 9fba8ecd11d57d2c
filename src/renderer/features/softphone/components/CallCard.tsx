/**
 * One call leg that is not ringing: who, which client line, state, timer, and the in-call
 * controls that the state machine allows in this state (hold/resume, mute, keypad, transfer,
 * consultation, connect, swap, hang up). Ended legs linger briefly with their outcome.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallState, isConnected, isTerminal } from '../../../../shared/domain/callState';
import { formatForDisplay } from '../../../../shared/domain/phoneNumber';
import type { CallLeg } from '../callStore';
import { useSoftphone } from '../softphoneContext';
import { CallTimer } from './CallTimer';
import { DtmfKeypad } from './DtmfKeypad';
import { TransferForm } from './TransferForm';
import { CallAiProviders } from '../../dataRequests/CallAiProviders';

type Panel = 'none' | 'keypad' | 'blind' | 'consult';

export function CallCard({
  leg,
  consultationOf,
  canSwap,
}: {
  leg: CallLeg;
  /** The held leg this consultation belongs to. */
  consultationOf?: CallLeg;
  /** Another call is active, so this held one can be swapped in. */
  canSwap: boolean;
}) {
  const { t } = useTranslation('softphone');
  const { engine } = useSoftphone();
  const [panel, setPanel] = useState<Panel>('none');
  const calls = engine.calls;
  const connected = isConnected(leg.state);
  const over = isTerminal(leg.state);
  const titleId = `softphone-call-${leg.id}`;
  const toggle = (next: Panel) => setPanel((current) => (current === next ? 'none' : next));

  return (
    <article
      className={`softphone-card softphone-call softphone-call-${leg.state}`}
      aria-labelledby={titleId}
      data-testid="softphone-call"
      data-leg-id={leg.id}
      data-call-state={leg.state}
      data-direction={leg.direction}
      data-muted={leg.muted}
      data-outcome={leg.outcome ?? ''}
      data-remote-hold={leg.remoteHold === true}
    >
      <h3 id={titleId} className="softphone-card-title">
        <span data-testid="softphone-remote-number">{leg.remoteLabel}</span>
        {leg.remoteName ? (
          <>
            {' · '}
            <bdi>{leg.remoteName}</bdi>
          </>
        ) : null}
      </h3>
      {consultationOf ? (
        <p className="softphone-hint">
          {t('call.consultationFor', { label: consultationOf.remoteLabel })}
        </p>
      ) : null}
      {leg.clientLine ? (
        <p className="softphone-client-line">
          <span className="softphone-label">{t('call.line')}</span>{' '}
          <strong>{formatForDisplay(leg.clientLine)}</strong>
        </p>
      ) : null}
      {leg.clientLine ? <CallAiProviders line={leg.clientLine} /> : null}
      <p className="softphone-state" role="status">
        {over && leg.outcome ? t(`call.outcomes.${leg.outcome}`) : t(`call.states.${leg.state}`)}
        {leg.connectedAt !== undefined ? (
          <>
            {' · '}
            <span className="softphone-label">{t('call.duration')}</span>{' '}
            <CallTimer since={leg.connectedAt} until={leg.endedAt} />
          </>
        ) : null}
      </p>
      {leg.pending === 'hold' || leg.pending === 'resume' ? (
        <p className="softphone-hint" data-testid="softphone-pending">
          {t(`call.pending.${leg.pending}`)}
        </p>
      ) : null}
      {leg.remoteHold && connected ? (
        <p className="softphone-hint" role="status" data-testid="softphone-remote-hold">
          {t('call.remoteHold')}
        </p>
      ) : null}
      {leg.referRequest && connected ? (
        <div className="softphone-hint" role="alert" data-testid="softphone-refer-request">
          <p>{t('call.referRequest', { target: leg.referRequest.targetLabel })}</p>
          <button
            type="button"
            data-action="allow-refer"
            onClick={() => void calls.answerReferRequest(leg.id, true)}
          >
            {t('call.referAllow')}
          </button>{' '}
          <button
            type="button"
            data-action="refuse-refer"
            onClick={() => void calls.answerReferRequest(leg.id, false)}
          >
            {t('call.referRefuse')}
          </button>
        </div>
      ) : null}
      {leg.lastError ? (
        <p className="form-error" role="alert">
          {t(`call.errors.${leg.lastError}`)}
        </p>
      ) : null}
      {!over ? (
        <div className="softphone-actions">
          {leg.state === CallState.Active ? (
            <button
              type="button"
              data-action="hold"
              onClick={() => void calls.setHold(leg.id, true)}
            >
              {t('call.hold')}
            </button>
          ) : null}
          {leg.state === CallState.Held && !canSwap ? (
            <button type="button" data-action="resume" onClick={() => void calls.swap(leg.id)}>
              {t('call.resume')}
            </button>
          ) : null}
          {leg.state === CallState.Held && canSwap ? (
            <button type="button" data-action="swap" onClick={() => void calls.swap(leg.id)}>
              {t('call.swap')}
            </button>
          ) : null}
          {connected ? (
            <button
              type="button"
              aria-pressed={leg.muted}
              data-action="mute"
              onClick={() => calls.setMuted(leg.id, !leg.muted)}
            >
              {leg.muted ? t('call.unmute') : t('call.mute')}
            </button>
          ) : null}
          {leg.state === CallState.Active ? (
            <button
              type="button"
              aria-expanded={panel === 'keypad'}
              data-action="keypad"
              onClick={() => toggle('keypad')}
            >
              {t('call.keypad')}
            </button>
          ) : null}
          {(leg.state === CallState.Active || leg.state === CallState.Held) &&
          !leg.consultationFor ? (
            <>
              <button
                type="button"
                aria-expanded={panel === 'blind'}
                data-action="transfer"
                onClick={() => toggle('blind')}
              >
                {t('call.transfer')}
              </button>
              <button
                type="button"
                aria-expanded={panel === 'consult'}
                data-action="consult"
                onClick={() => toggle('consult')}
              >
                {t('call.consult')}
              </button>
            </>
          ) : null}
          {leg.state === CallState.Consulting ? (
            <button
              type="button"
              className="primary"
              data-action="complete-transfer"
              onClick={() => void calls.completeAttendedTransfer(leg.id)}
            >
              {t('call.completeTransfer')}
            </button>
          ) : null}
          <button
            type="button"
            className="danger"
            data-action="hang-up"
            onClick={() => void calls.hangUp(leg.id)}
          >
            {t('call.hangUp')}
          </button>
        </div>
      ) : null}
      {panel === 'keypad' && leg.state === CallState.Active ? <DtmfKeypad legId={leg.id} /> : null}
      {panel === 'blind' || panel === 'consult' ? (
        <TransferForm legId={leg.id} mode={panel} onDone={() => setPanel('none')} />
      ) : null}
    </article>
  );
}
