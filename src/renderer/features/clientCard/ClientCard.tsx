/**
 * The client card for the dialled line: looked up the moment a call rings (cached per line),
 * then the client's name, greeting to read out, instructions, opening hours, approved texts and
 * staff with one-click transfer. An unknown line gets its own clear card with the number.
 * Everything from the portal is rendered as text only.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { BotAnswersIndicator } from '../botSwitch/BotAnswersIndicator';
import { ClientCardDetails } from './ClientCardDetails';
import { clientByLineQueryOptions } from './clientQueries';
import type { StaffTransfer } from './StaffDirectory';
import './clientCard.css';

export interface ClientCardProps {
  /** The dialled client line (E.164) of the current call; undefined without a call. */
  line: string | undefined;
  transfer?: StaffTransfer;
}

export function ClientCard({ line, transfer }: ClientCardProps) {
  const { t } = useTranslation('clientCard');
  if (!line) {
    return (
      <section className="client-card client-card-empty" aria-label={t('title')}>
        <p>{t('noCall')}</p>
      </section>
    );
  }
  return <ClientCardForLine line={line} transfer={transfer} />;
}

function ClientCardForLine({ line, transfer }: { line: string; transfer?: StaffTransfer }) {
  const { t } = useTranslation('clientCard');
  const { client } = useAppEnvironment();
  const lookup = useQuery(clientByLineQueryOptions(client, line));
  const shownLine = displayPhoneNumber(line) ?? line;

  if (lookup.isPending) {
    return (
      <section className="client-card" aria-label={t('title')} aria-busy="true">
        <p role="status">{t('loading', { line: shownLine })}</p>
      </section>
    );
  }
  if (lookup.isError) {
    return (
      <section className="client-card client-card-warning" aria-label={t('title')}>
        <p role="alert">{t('loadFailed', { line: shownLine })}</p>
        <button type="button" onClick={() => void lookup.refetch()}>
          {t('retry')}
        </button>
      </section>
    );
  }
  const result = lookup.data;
  if (result.kind === 'found') {
    return (
      <ClientCardDetails
        profile={result.profile}
        line={shownLine}
        transfer={transfer}
        badge={<BotAnswersIndicator line={line} />}
      />
    );
  }
  const kind = result.kind === 'unknown-line' ? 'unknownLine' : 'notAssigned';
  return (
    <section
      className="client-card client-card-warning"
      aria-labelledby="client-card-unknown-title"
      data-testid="client-card-unknown"
    >
      <h2 id="client-card-unknown-title">{t(`${kind}.title`)}</h2>
      <p>{t(`${kind}.text`, { line: shownLine })}</p>
    </section>
  );
}
