/** Says that the portal is unreachable and notes are kept safely until it is back. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/state/appStore';
import { usePortalSession } from '../login/usePortalSession';
import { useNotesStore } from './notesForWindow';

export function OfflineBanner() {
  const { t } = useTranslation('notes');
  const notes = useNotesStore();
  const offline = usePortalSession((view) => view.session?.connection === 'offline');
  const queued = useAppStore(
    notes,
    (state) => Object.values(state.entries).filter((entry) => entry.status === 'queued').length,
  );
  if (!offline) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="offline-banner">
      <p>{t('offline.text')}</p>
      {queued > 0 ? <p>{t('offline.queued', { count: queued })}</p> : null}
    </div>
  );
}
