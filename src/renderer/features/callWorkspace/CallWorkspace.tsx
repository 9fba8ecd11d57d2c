/**
 * The calls area: without a portal session the login; with one the softphone, the client card
 * of the current call, the note form (after-call work) and the notes' status and history.
 *
 * Slots for other features are marked below: the transcript panel and the suggestions panel
 * plug in with one-line edits there.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { NeedsRole } from '../../app/NeedsRole';
import { useAppStore } from '../../app/state/appStore';
import { ClientCard } from '../clientCard/ClientCard';
import { prefetchClientCards } from '../clientCard/clientQueries';
import { LoginScreen } from '../login/LoginScreen';
import { SessionBar } from '../login/SessionBar';
import { useFollowPortalSession, usePortalSession } from '../login/usePortalSession';
import { NoteForm } from '../notes/NoteForm';
import { NoteStatusList } from '../notes/NoteStatusList';
import { OfflineBanner } from '../notes/OfflineBanner';
import { useNotesStore } from '../notes/notesForWindow';
import { SoftphonePanel } from '../softphone/SoftphonePanel';
import { isTerminal } from '../../../shared/domain/callState';
import { LiveSuggestionsPanel } from '../suggestions/LiveSuggestionsPanel';
import { HandoverTimelinePanel } from '../hybrid/HandoverTimelinePanel';
import { WhisperNotices } from '../supervision/WhisperNotices';
import { hybridStoreFor } from '../hybrid/hybridForWindow';
import { startHybridSync } from '../hybrid/hybridSync';
import { OfferPanel } from '../hybrid/OfferPanel';
import {
  useCurrentClientLine,
  useSoftphone,
  useStaffTransfer,
} from '../softphone/softphoneContext';
import { CallAnnouncements } from './CallAnnouncements';
import { trackCalls } from './callTracking';
import { createPresenceNoticeStore, syncPresence } from './presenceSync';
import { useDeskDeletions } from '../retention/useDeskDeletions';
import { useCallLogStatusItem } from './useCallLogStatusItem';
import { usePortalStatusItem } from './usePortalStatusItem';
import './callWorkspace.css';

export function CallWorkspace() {
  const { t } = useTranslation('callWorkspace');
  useFollowPortalSession();
  usePortalStatusItem();
  const session = usePortalSession((view) => view.session);
  const unavailable = usePortalSession((view) => view.unavailable);
  const { stores } = useAppEnvironment();
  const isAgent = useAppStore(stores.session, (state) => state.currentRoles.includes('agent'));

  if (unavailable) return <p className="banner banner-warning">{t('portalUnavailable')}</p>;
  if (!session?.user) return <LoginScreen session={session} />;
  return (
    <>
      <SessionBar session={session} />
      {isAgent ? <CallDesk userId={session.user.id} /> : <NeedsRole roles={['agent']} />}
    </>
  );
}

/** The logged-in desk; keyed by user so another user never sees the previous one's notes. */
function CallDesk({ userId }: { userId: string }) {
  const { t } = useTranslation('callWorkspace');
  const { client, stores } = useAppEnvironment();
  const queryClient = useQueryClient();
  const notes = useNotesStore();
  const softphone = useSoftphone();
  const line = useCurrentClientLine();
  const transfer = useStaffTransfer();
  const [notice] = useState(createPresenceNoticeStore);
  const blockedByNote = useAppStore(notice, (state) => state.blockedByNote);
  // A live call (ringing, connected, held) switches to the one-screen call layout: the
  // conversation and the client's context side by side, the dial pad and status below.
  const inCall = useAppStore(softphone.store, (state) =>
    Object.values(state.legs).some((leg) => leg !== undefined && !isTerminal(leg.state)),
  );
  const isCallLive = (callId: string): boolean => {
    const leg = softphone.store.getState().legs[callId];
    return leg !== undefined && !isTerminal(leg.state);
  };
  useCallLogStatusItem(notes);
  // Local copies of a caller whose data was deleted at the portal go too (issue 13).
  useDeskDeletions(notes, userId);

  useEffect(() => {
    void notes
      .getState()
      .start()
      .then(() => notes.getState().reload());
  }, [notes, userId]);
  useEffect(
    () =>
      trackCalls({
        calls: softphone.store,
        client,
        notes,
        queryClient,
        currentUserId: () => userId,
      }),
    [softphone, client, notes, queryClient, userId],
  );
  useEffect(
    () =>
      syncPresence({
        calls: softphone.store,
        engine: softphone.engine,
        notes,
        notice,
        client,
        userId,
      }),
    [softphone, client, notes, notice, userId],
  );
  useEffect(
    () =>
      startHybridSync({
        store: hybridStoreFor(stores),
        client,
        handover: softphone.engine.handover,
        notes,
      }),
    [stores, client, softphone, notes, userId],
  );
  useEffect(() => {
    void prefetchClientCards(queryClient, client).catch(() => undefined);
  }, [queryClient, client, userId]);

  return (
    <>
      <OfflineBanner />
      <CallAnnouncements notes={notes} />
      <OfferPanel />
      {blockedByNote ? (
        <p className="banner banner-warning" role="alert" data-testid="presence-blocked">
          {t('notes:presence.blocked')}
        </p>
      ) : null}
      <div
        className={inCall ? 'call-workspace call-workspace-in-call' : 'call-workspace'}
        data-layout={inCall ? 'call' : 'idle'}
      >
        <section className="call-workspace-phone" aria-label={t('regions.phone')}>
          <SoftphonePanel />
        </section>
        <section className="call-workspace-card" aria-label={t('regions.card')}>
          <ClientCard line={line} transfer={transfer} />
          <WhisperNotices />
        </section>
        {/* SLOT transcript: the live-assist engineer puts the transcript panel here. */}
        <div className="call-workspace-transcript">
          <HandoverTimelinePanel />
        </div>
        {/* SLOT suggestions: the live-assist engineer puts the suggestions panel here. */}
        <div className="call-workspace-suggestions">
          <LiveSuggestionsPanel />
        </div>
        <section className="call-workspace-note" aria-label={t('regions.note')}>
          <NoteForm isCallLive={isCallLive} />
        </section>
        <section className="call-workspace-notes" aria-label={t('regions.notes')}>
          <NoteStatusList />
        </section>
      </div>
    </>
  );
}
