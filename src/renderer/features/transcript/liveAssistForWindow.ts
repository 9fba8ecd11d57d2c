/**
 * One live assistance per window, created on first use for an app environment (like the
 * softphone in `softphoneContext.ts`) and living as long as it: it follows the window's call
 * store, asks the portal for the called client (through the client card's cached query), and
 * writes drafts and quotes into the window's notes store.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isTerminal } from '../../../shared/domain/callState';
import { useAppEnvironment, type AppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { clientByLineQueryOptions } from '../clientCard/clientQueries';
import { useNotesStore } from '../notes/notesForWindow';
import type { NotesStore } from '../notes/notesStore';
import { focusedLeg, type CallStore } from '../softphone/callStore';
import { useSoftphone } from '../softphone/softphoneContext';
import type { CallAssist } from './session/callAssist';
import { createCallStreamSource } from './session/callStreams';
import { LiveAssist } from './session/liveAssist';
import { QuoteQueue, type QuoteResult } from './session/quoteQueue';

export interface WindowLiveAssist {
  assist: LiveAssist;
  /** Quotes a text into the note of a call, or keeps it until that note opens. */
  quote(callId: string, text: string): QuoteResult;
}

export interface WindowLiveAssistParts {
  callStore: CallStore;
  notes: NotesStore;
  queryClient: QueryClient;
}

const windows = new WeakMap<object, WindowLiveAssist>();

export function liveAssistFor(
  environment: Pick<AppEnvironment, 'client'>,
  parts: WindowLiveAssistParts,
): WindowLiveAssist {
  const existing = windows.get(environment);
  if (existing) return existing;
  const { client } = environment;
  const assist = new LiveAssist({
    callStore: parts.callStore,
    clients: {
      transcription: client.transcription,
      suggestions: client.suggestions,
      noteDrafts: client.noteDrafts,
    },
    clientOf: async (leg) => {
      if (!leg.clientLine) return undefined;
      const lookup = await parts.queryClient.fetchQuery(
        clientByLineQueryOptions(client, leg.clientLine),
      );
      return lookup.kind === 'found' ? lookup.profile : undefined;
    },
    applyDraft: (callId, fields, aiFilled) =>
      parts.notes.getState().applyDraft(callId, fields, aiFilled),
    streams: createCallStreamSource(async () => {
      const settings = await client.settings.get();
      return settings.ok ? settings.value.values.audio.microphoneId : '';
    }),
  });
  const quotes = new QuoteQueue((callId, text) => parts.notes.getState().appendQuote(callId, text));
  // The note form opens at hang-up: quotes made during the call follow it then.
  parts.notes.subscribe(() => quotes.flushAll());
  assist.start();
  const windowAssist: WindowLiveAssist = {
    assist,
    quote: (callId, text) => {
      const leg = parts.callStore.getState().legs[callId];
      return quotes.quote(callId, text, leg !== undefined && !isTerminal(leg.state));
    },
  };
  windows.set(environment, windowAssist);
  return windowAssist;
}

export function useLiveAssist(): WindowLiveAssist {
  const environment = useAppEnvironment();
  const softphone = useSoftphone();
  const notes = useNotesStore();
  const queryClient = useQueryClient();
  return liveAssistFor(environment, { callStore: softphone.store, notes, queryClient });
}

/** The assistance to show: the focused call's, else the last call's (after-call work). */
export function useShownCallAssist(): { live: WindowLiveAssist; call: CallAssist | undefined } {
  const live = useLiveAssist();
  const { store } = useSoftphone();
  const focusedId = useAppStore(store, (state) => focusedLeg(state)?.id);
  const assists = useAppStore(live.assist.registry, (state) => state.assists);
  const call = (focusedId ? assists[focusedId] : undefined) ?? Object.values(assists).at(-1);
  return { live, call };
}
