/**
 * The directory area: every client the agent serves, searchable across names, numbers (any
 * format), functions and approved texts (`directoryIndex.ts`). Click-to-call between calls;
 * during a call the staff rows transfer (blind or attended, the softphone's transfer actions).
 * Data: the same portal profiles the client card uses (`clientProfilesQueryOptions`).
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { clientProfilesQueryOptions } from '../clientCard/clientQueries';
import { plainLine } from '../clientCard/plainText';
import { useMinuteClock } from '../clientCard/useMinuteClock';
import '../clientCard/clientCard.css';
import { useSoftphone, useStaffTransfer } from '../softphone/softphoneContext';
import { buildDirectoryIndex } from './directoryIndex';
import { DirectoryClient } from './DirectoryClient';
import './directory.css';

/** Clients rendered at once: the rest is counted, and the search narrows it down. */
const SHOWN_CLIENTS = 20;

export function DirectoryArea() {
  const { t } = useTranslation('directory');
  const { client, stores } = useAppEnvironment();
  const { engine } = useSoftphone();
  const transfer = useStaffTransfer();
  const profiles = useQuery(clientProfilesQueryOptions(client));
  const now = useMinuteClock();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [callFailed, setCallFailed] = useState(false);
  const index = useMemo(() => buildDirectoryIndex(profiles.data ?? []), [profiles.data]);
  const byId = useMemo(
    () => new Map((profiles.data ?? []).map((profile) => [profile.id, profile])),
    [profiles.data],
  );
  const matches = useMemo(() => index.search(deferredQuery), [index, deferredQuery]);

  const call = async (target: string) => {
    const result = await engine.calls.dial(target);
    setCallFailed(!result.ok);
    if (result.ok) stores.navigation.getState().showArea('calls');
  };

  const total = profiles.data?.length ?? 0;
  const status = profiles.isPending
    ? t('loading')
    : matches.length === 0
      ? t('none', { query: plainLine(deferredQuery, 60) })
      : deferredQuery.trim() === ''
        ? t('count', { count: total })
        : t('countOf', { count: matches.length, total });

  return (
    <div className="directory" data-testid="directory">
      <div className="directory-toolbar">
        <label className="directory-search">
          <span>{t('search')}</span>
          <input
            type="search"
            autoComplete="off"
            maxLength={200}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <p className="form-hint" data-testid="directory-mode">
          {t(transfer.available ? 'onCall' : 'idle')}
        </p>
      </div>
      {profiles.isError ? (
        <p role="alert">
          {t('failed')}{' '}
          <button type="button" onClick={() => void profiles.refetch()}>
            {t('retry')}
          </button>
        </p>
      ) : null}
      {callFailed ? <p role="alert">{t('callFailed')}</p> : null}
      <p className="form-hint" aria-live="polite" data-testid="directory-count">
        {status}
      </p>
      {matches.slice(0, SHOWN_CLIENTS).map((match) => {
        const profile = byId.get(match.clientId);
        return profile ? (
          <DirectoryClient
            key={match.clientId}
            profile={profile}
            match={match}
            now={now}
            transfer={transfer}
            onCall={(target) => void call(target)}
          />
        ) : null;
      })}
      {matches.length > SHOWN_CLIENTS ? (
        <p className="form-hint">{t('more', { count: matches.length - SHOWN_CLIENTS })}</p>
      ) : null}
    </div>
  );
}
