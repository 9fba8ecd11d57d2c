/**
 * A ringing call: the dialled client line first and large (the agent greets with the client's
 * name), then the caller's number and name as plain text, and answer/decline. While another
 * call is connected the answer button says it holds that call first (call waiting).
 */
import { useTranslation } from 'react-i18next';
import { formatForDisplay } from '../../../../shared/domain/phoneNumber';
import type { CallLeg } from '../callStore';
import { useSoftphone } from '../softphoneContext';

export function IncomingCallCard({ leg, waiting }: { leg: CallLeg; waiting: boolean }) {
  const { t } = useTranslation('softphone');
  const { engine } = useSoftphone();
  const titleId = `softphone-incoming-${leg.id}`;
  return (
    <article
      className="softphone-card softphone-incoming"
      aria-labelledby={titleId}
      data-testid="softphone-incoming"
      data-leg-id={leg.id}
      data-call-state={leg.state}
    >
      <h3 id={titleId} className="softphone-card-title">
        {waiting ? t('incoming.waiting') : t('incoming.heading')}
      </h3>
      <p className="softphone-client-line">
        <span className="softphone-label">{t('incoming.forLine')}</span>{' '}
        <strong data-testid="softphone-client-line">
          {leg.clientLine ? formatForDisplay(leg.clientLine) : t('incoming.direct')}
        </strong>
      </p>
      <p className="softphone-caller">
        <span className="softphone-label">{t('incoming.from')}</span>{' '}
        <span data-testid="softphone-caller-number">
          {leg.remoteLabel || t('incoming.unknownCaller')}
        </span>
        {leg.remoteName ? (
          <>
            {' · '}
            <bdi data-testid="softphone-caller-name">{leg.remoteName}</bdi>
          </>
        ) : null}
      </p>
      <div className="softphone-actions">
        <button
          type="button"
          className="primary"
          data-action="answer"
          onClick={() => void engine.calls.answer(leg.id)}
        >
          {waiting ? t('incoming.holdAndAnswer') : t('incoming.answer')}
        </button>
        <button
          type="button"
          data-action="decline"
          onClick={() => void engine.calls.decline(leg.id)}
        >
          {t('incoming.decline')}
        </button>
      </div>
    </article>
  );
}
