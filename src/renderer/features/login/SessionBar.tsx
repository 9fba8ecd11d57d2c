/**
 * Who is logged in, the logout, and (embedded portal without clients) the demo-data offer.
 * Logging out with notes that have not reached the portal asks first and exports them: logout
 * wipes the desk, and a note must never be dropped silently.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalSessionState } from '../../../shared/contract/services/portalService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { downloadNotes, exportableNotes } from '../notes/exportNotes';
import { useNotesStore } from '../notes/notesForWindow';

export function SessionBar({ session }: { session: PortalSessionState }) {
  const { t } = useTranslation('login');
  const { client } = useAppEnvironment();
  const notes = useNotesStore();
  const [confirming, setConfirming] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const user = session.user;
  if (!user) return null;

  const logout = async (): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    const result = await client.portal.logout();
    setBusy(false);
    if (!result.ok) setMessage(t('logout.failed'));
  };

  const requestLogout = async (): Promise<void> => {
    await notes.getState().flushDrafts();
    // Logging out wipes this desk: notes and call-log entries not yet at the portal go with it.
    const unsent =
      notes.getState().unsentCount() +
      (notes.getState().runtime()?.callLog.unsentEntries(user.id).length ?? 0);
    if (unsent > 0) setConfirming(unsent);
    else await logout();
  };

  const exportAndLogout = async (): Promise<void> => {
    const outbox = notes.getState().runtime()?.outbox;
    const entries = (outbox?.list() ?? []).filter(
      (entry) => entry.payload.authorUserId === user.id,
    );
    const calls = notes.getState().runtime()?.callLog.unsentEntries(user.id) ?? [];
    downloadNotes(exportableNotes(entries, ['draft', 'queued', 'failed']), new Date(), calls);
    setConfirming(0);
    await logout();
  };

  return (
    <div className="session-bar">
      <span className="session-user">
        {t('user.label', { name: user.displayName, role: t(`user.roles.${user.role}`) })}
      </span>
      {session.firstRun?.canLoadDemoData ? <DemoOffer /> : null}
      <button type="button" onClick={() => void requestLogout()} disabled={busy}>
        {busy ? t('logout.busy') : t('logout.button')}
      </button>
      {message ? <span className="form-error">{message}</span> : null}
      {confirming > 0 ? (
        <div className="dialog-backdrop">
          <div
            className="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="logout-unsent-title"
          >
            <h2 id="logout-unsent-title">{t('logout.unsentTitle')}</h2>
            <p>{t('logout.unsent', { count: confirming })}</p>
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={() => void exportAndLogout()}>
                {t('logout.exportAndLogout')}
              </button>
              <button type="button" onClick={() => setConfirming(0)} autoFocus>
                {t('logout.cancel')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function DemoOffer() {
  const { t } = useTranslation('login');
  const { client } = useAppEnvironment();
  const [message, setMessage] = useState<string>();
  const load = async (): Promise<void> => {
    const result = await client.portal.loadDemoData();
    setMessage(
      result.ok ? t('demoOffer.loaded', { count: result.value.clients }) : t('demoOffer.failed'),
    );
  };
  return (
    <span className="session-demo" role="status">
      {message ?? t('demoOffer.text')}{' '}
      {message ? null : (
        <button type="button" onClick={() => void load()}>
          {t('demoOffer.load')}
        </button>
      )}
    </span>
  );
}
