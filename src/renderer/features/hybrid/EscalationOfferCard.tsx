/**
 * One escalation offer, everything the agent needs before accepting: client, line, reason,
 * urgency, summary, collected fields with confidence, consent state and the bot's transcript,
 * then "Übernehmen" (one click) / "Ablehnen" and the countdown. Caller text only as text.
 */
import { useTranslation } from 'react-i18next';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { BotTranscriptList } from './BotTranscriptList';
import { CollectedFieldsList } from './CollectedFieldsList';
import { ConsentState } from './ConsentState';
import type { OfferView } from './hybridStore';
import { OfferCountdown } from './OfferCountdown';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';

const SUMMARY_MAX_LENGTH = 2_000;

export interface EscalationOfferCardProps {
  view: OfferView;
  clientName: string;
  now: number;
  onAccept(offerId: string): void;
  onDecline(offerId: string): void;
  onDismiss(offerId: string): void;
}

export function EscalationOfferCard(props: EscalationOfferCardProps) {
  const { view, clientName, now } = props;
  const { offer, phase } = view;
  const { t } = useTranslation('hybrid');
  const titleId = `offer-title-${offer.offerId}`;
  return (
    <article
      className={`offer-card offer-card-${phase} offer-urgency-${offer.urgency}`}
      aria-labelledby={titleId}
      data-testid="escalation-offer"
      data-offer-phase={phase}
      {...(phase === 'accepted' && view.handoverToken
        ? { 'data-handover-token': view.handoverToken }
        : {})}
    >
      <header className="offer-header">
        <h2 id={titleId}>{t('offers.title')}</h2>
        {phase === 'ringing' ? <OfferCountdown expiresAt={offer.expiresAt} now={now} /> : null}
      </header>
      <dl className="offer-facts">
        <div>
          <dt>{t('offers.client')}</dt>
          <dd data-testid="offer-client">{clientName}</dd>
        </div>
        <div>
          <dt>{t('offers.line')}</dt>
          <dd>{displayPhoneNumber(offer.line) ?? sanitizeDisplayText(offer.line, 32)}</dd>
        </div>
        <div>
          <dt>{t('offers.reason')}</dt>
          <dd data-testid="offer-reason">{t(`reasons.${offer.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('offers.urgency')}</dt>
          <dd className={`offer-urgency offer-urgency-value-${offer.urgency}`}>
            {t(`urgencies.${offer.urgency}`)}
          </dd>
        </div>
      </dl>
      <ConsentState disclosurePlayed={offer.disclosurePlayed} consentGiven={offer.consentGiven} />
      <h3>{t('offers.summary')}</h3>
      <p className="offer-summary" data-testid="offer-summary">
        {sanitizeDisplayText(offer.summary, SUMMARY_MAX_LENGTH)}
      </p>
      <h3>{t('offers.fields')}</h3>
      <CollectedFieldsList fields={offer.collectedFields} />
      <h3>{t('offers.transcript')}</h3>
      <div className="offer-transcript">
        <BotTranscriptList segments={offer.transcript} label={t('offers.transcript')} />
      </div>
      <OfferFooter {...props} />
    </article>
  );
}

function OfferFooter({ view, onAccept, onDecline, onDismiss }: EscalationOfferCardProps) {
  const { t } = useTranslation('hybrid');
  const { offer, phase } = view;
  if (phase === 'accepted') {
    return (
      <p className="offer-result offer-result-ok" role="status" data-testid="offer-accepted">
        {t('offers.accepted')}
      </p>
    );
  }
  if (phase === 'already-taken') {
    return (
      <div className="offer-actions">
        <p className="offer-result" role="status" data-testid="offer-already-taken">
          {t('offers.alreadyTaken')}
        </p>
        <button type="button" onClick={() => onDismiss(offer.offerId)}>
          {t('offers.dismiss')}
        </button>
      </div>
    );
  }
  const busy = phase === 'accepting';
  return (
    <div className="offer-actions">
      {view.problem === 'accept-failed' ? (
        <p className="offer-result offer-result-error" role="alert">
          {t('offers.acceptFailed')}
        </p>
      ) : null}
      <button
        type="button"
        className="primary offer-accept"
        disabled={busy}
        onClick={() => onAccept(offer.offerId)}
      >
        {busy ? t('offers.accepting') : t('offers.accept')}
      </button>
      <button type="button" disabled={busy} onClick={() => onDecline(offer.offerId)}>
        {t('offers.decline')}
      </button>
    </div>
  );
}
