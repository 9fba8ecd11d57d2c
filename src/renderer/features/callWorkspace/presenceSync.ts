/**
 * Presence and after-call work, wired through the softphone's store (zustand `subscribe`):
 *
 * - a note opens → the agent goes to after-call work (no new calls are offered);
 * - the agent (or anything) sets "available" while a note is unsaved → back to after-call work,
 *   with a notice: save the note or discard it explicitly first;
 * - the last open note saved or discarded → available again, if after-call work came from a note;
 * - every change is mirrored to the portal's presence (supervisors see it), deduplicated;
 * - a supervisor sets the agent not ready (a break) → the desk follows: break with the reason
 *   "set by your supervisor", so the desk shows what the portal routes by, and the next mirror
 *   does not quietly make the agent available again. The agent ends it as any break.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { PresenceState } from '../../../shared/contract/services/portalService';
import { isConnected } from '../../../shared/domain/callState';
import { createAppStore, type AppStore } from '../../app/state/appStore';
import type { NotesStore } from '../notes/notesStore';
import { liveLegs, type CallStore, type SoftphoneState } from '../softphone/callStore';
import type { SoftphoneEngine } from '../softphone/softphoneEngine';

export interface PresenceNoticeState {
  blockedByNote: boolean;
  clear(): void;
}

export type PresenceNoticeStore = AppStore<PresenceNoticeState>;

export function createPresenceNoticeStore(): PresenceNoticeStore {
  return createAppStore<PresenceNoticeState>((set) => ({
    blockedByNote: false,
    clear: () => set({ blockedByNote: false }),
  }));
}

/** The portal presence for the softphone's state. */
export function portalPresenceOf(
  state: Pick<SoftphoneState, 'presence' | 'legs' | 'legOrder'>,
): PresenceState {
  if (liveLegs(state).some((leg) => isConnected(leg.state))) return 'in-call';
  switch (state.presence) {
    case 'available':
      return 'available';
    case 'after-call-work':
      return 'wrap-up';
    case 'break':
      return 'break';
    case 'not-ready':
      // Not ready (link lost, phone not registered): no offers, and supervisors see why.
      return 'break';
    default:
      return 'offline';
  }
}

/** Why the agent is not ready, for the portal (`break` only): the break reason or the notice. */
export function portalPresenceReasonOf(
  state: Pick<SoftphoneState, 'presence' | 'breakReason' | 'presenceNotice'>,
): string | null {
  if (state.presence === 'break') return state.breakReason ?? null;
  if (state.presence === 'not-ready') return state.presenceNotice ?? 'not-ready';
  return null;
}

export interface PresenceSyncOptions {
  readonly calls: CallStore;
  readonly engine: Pick<SoftphoneEngine, 'setPresence'>;
  readonly notes: NotesStore;
  readonly notice: PresenceNoticeStore;
  readonly client: Pick<AppClient, 'portal'>;
  /** The signed-in user: a break someone else set for this user is followed. */
  readonly userId?: string;
}

/** The break reason of a break a supervisor set (translated on the presence control). */
export const SUPERVISOR_BREAK_REASON = 'supervisor';

export function syncPresence(options: PresenceSyncOptions): () => void {
  let wrapUpFromNote = false;
  let lastSent: string | undefined;

  const guard = (): void => {
    const unsaved = options.notes.getState().hasUnsavedNote();
    const presence = options.calls.getState().presence;
    if (unsaved && presence === 'available') {
      options.engine.setPresence('after-call-work');
      wrapUpFromNote = true;
      options.notice.setState({ blockedByNote: true });
    } else if (!unsaved && wrapUpFromNote && presence === 'after-call-work') {
      wrapUpFromNote = false;
      options.notice.setState({ blockedByNote: false });
      options.engine.setPresence('available');
    } else if (!unsaved) {
      options.notice.setState({ blockedByNote: false });
    }
  };

  const mirror = (): void => {
    const state = options.calls.getState();
    const presence = portalPresenceOf(state);
    const reason = presence === 'break' ? portalPresenceReasonOf(state) : null;
    const key = `${presence}:${reason ?? ''}`;
    if (key === lastSent) return;
    lastSent = key;
    void options.client.portal.setPresence(presence, reason);
  };

  const unsubscribeNotes = options.notes.subscribe((state, previous) => {
    const opened = Object.keys(state.forms).length > Object.keys(previous.forms).length;
    if (opened && options.calls.getState().presence === 'available') {
      wrapUpFromNote = true;
      options.engine.setPresence('after-call-work');
    }
    guard();
  });
  const unsubscribeCalls = options.calls.subscribe((state, previous) => {
    if (state.presence !== previous.presence) guard();
    mirror();
  });
  const unsubscribePortal = options.client.portal.onPresenceChanged((event) => {
    const setBySomeoneElse =
      event.userId === options.userId && !!event.changedBy && event.changedBy !== options.userId;
    if (!setBySomeoneElse || event.state !== 'break') return;
    const presence = options.calls.getState().presence;
    if (presence !== 'available' && presence !== 'after-call-work') return;
    // The portal holds the supervisor's reason already: do not overwrite it with ours.
    lastSent = `break:${SUPERVISOR_BREAK_REASON}`;
    options.engine.setPresence('break', SUPERVISOR_BREAK_REASON);
  });
  guard();
  mirror();
  return () => {
    unsubscribeNotes();
    unsubscribeCalls();
    unsubscribePortal();
  };
}
