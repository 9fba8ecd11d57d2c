/**
 * The number (any spelling) and, optionally, one client. The desk normalises as the user types
 * and shows the E.164 it will search for; a number that is not a public one (letters, markup,
 * an extension) is refused here with the reason and never sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/services/portalService';
import { parsePhoneNumber } from '../../../shared/domain/phoneNumber';
import type { DataRequestQuery } from '../../../shared/portalWire/dataRequestSchemas';

/** The portal's own bound on the input (`CallerNumberInputSchema`). */
const MAXIMUM_INPUT_LENGTH = 64;

export function DataRequestSearchForm(props: {
  clients: readonly ClientSummary[];
  pending: boolean;
  onSearch: (query: DataRequestQuery) => void;
}) {
  const { t } = useTranslation('dataRequests');
  const id = useId();
  const [number, setNumber] = useState('');
  const [clientId, setClientId] = useState('');
  const [showProblem, setShowProblem] = useState(false);
  const parsed = parsePhoneNumber(number);
  const problem =
    parsed.kind === 'e164' ? null : parsed.kind === 'extension' ? 'extension' : parsed.reason;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblem(true);
    if (parsed.kind !== 'e164' || props.pending) return;
    props.onSearch({
      callerNumber: parsed.e164,
      ...(clientId === '' ? {} : { clientId }),
    });
  };

  return (
    <form className="data-request-form" onSubmit={submit} noValidate>
      <p className="data-request-intro">{t('screen.intro')}</p>
      <label htmlFor={`${id}-number`}>{t('screen.number')}</label>
      <input
        id={`${id}-number`}
        name="callerNumber"
        type="tel"
        autoComplete="off"
        maxLength={MAXIMUM_INPUT_LENGTH}
        value={number}
        aria-invalid={showProblem && problem !== null}
        aria-describedby={`${id}-hint ${id}-normalised`}
        onChange={(event) => {
          setNumber(event.target.value);
          setShowProblem(false);
        }}
      />
      <p id={`${id}-hint`} className="data-request-hint">
        {t('screen.numberHint')}
      </p>
      <p id={`${id}-normalised`} className="data-request-normalised" data-testid="normalised">
        {parsed.kind === 'e164' ? t('screen.normalised', { number: parsed.e164 }) : ''}
      </p>
      {showProblem && problem !== null ? (
        <p role="alert" className="data-request-problem" data-problem={problem}>
          {t(`screen.numberProblems.${problem}`)}
        </p>
      ) : null}
      <label htmlFor={`${id}-client`}>{t('screen.client')}</label>
      <select
        id={`${id}-client`}
        value={clientId}
        onChange={(event) => setClientId(event.target.value)}
      >
        <option value="">{t('screen.allClients')}</option>
        {props.clients.map((client) => (
          <option key={client.id} value={client.id}>
            {client.name}
          </option>
        ))}
      </select>
      <button type="submit" aria-disabled={props.pending}>
        {props.pending ? t('screen.searching') : t('screen.search')}
      </button>
    </form>
  );
}
