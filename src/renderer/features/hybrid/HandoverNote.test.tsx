/**
 * After a handover the call's note opens pre-filled from what the bot collected, every such
 * field marked "KI" until the agent confirms or edits it; and the transcript slot shows one
 * timeline with the AI disclosure and consent.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranscriptStore } from '../transcript/transcriptStore';
import { notesFor } from '../notes/notesForWindow';
import { NoteForm } from '../notes/NoteForm';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import type { HandoverGate } from '../softphone/sip/handoverGate';
import { HandoverTimeline } from './HandoverTimelinePanel';
import { hybridStoreFor } from './hybridForWindow';
import { startHybridSync } from './hybridSync';
import {
  detailOf,
  HANDOVER_TOKEN,
  HybridDeskFake,
  offerFixture,
  provideHandoverGate,
} from './testing/hybridDeskFake';

const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const LEG = 'leg-42';

describe('note after a handover', () => {
  it('is pre-filled from the collected fields, each marked AI-filled until confirmed or edited', async () => {
    const fake = new HybridDeskFake();
    const offer = offerFixture();
    fake.details.set(offer.callId, detailOf(offer));
    let gate: HandoverGate | undefined;
    const rendered = renderWithDesk(<NoteForm />, fake, (environment) => {
      gate = provideHandoverGate(environment);
    });
    const notes = notesFor(rendered.stores, rendered.environment.client);
    stops.push(() => notes.getState().stop());
    await act(() => notes.getState().start());
    const store = hybridStoreFor(rendered.stores);
    stops.push(
      startHybridSync({ store, client: rendered.environment.client, handover: gate!, notes }),
    );
    // The softphone answered the handed-over INVITE on leg-42.
    act(() =>
      gate!.answered(LEG, { handoverToken: HANDOVER_TOKEN, callId: offer.callId, acceptedAt: 0 }),
    );
    await waitFor(() => expect(notes.getState().pendingDrafts[LEG]).toBeDefined());
    expect(store.getState().legCalls[LEG]).toBe(offer.callId);
    await act(async () => {
      await notes.getState().openNote({
        callId: LEG,
        portalCallId: offer.callId,
        clientId: offer.clientId,
        clientName: 'Kanzlei Brandt & Okafor',
        line: offer.line,
        callerNumber: null,
        ringAt: Date.now() - 60_000,
        answerAt: Date.now() - 50_000,
        endAt: Date.now(),
      });
    });
    expect((screen.getByLabelText('Name des Anrufers') as HTMLInputElement).value).toBe(
      'Petra Lindner',
    );
    for (const field of ['callerName', 'callbackNumber', 'concern', 'urgency']) {
      expect(screen.getByTestId(`ai-mark-${field}`)).toBeDefined();
    }
    fireEvent.change(screen.getByLabelText('Name des Anrufers'), {
      target: { value: 'Petra Lindner-Ost' },
    });
    expect(screen.queryByTestId('ai-mark-callerName')).toBeNull();
    expect(screen.getByTestId('ai-mark-concern')).toBeDefined();
  });
});

describe('handover timeline', () => {
  it("shows disclosure and consent, the bot's part, then the human part", () => {
    const offer = offerFixture({ consentGiven: false });
    const human = createTranscriptStore(LEG);
    human.setState({
      transcript: {
        version: 1,
        trimmedCount: 0,
        segments: [
          {
            segmentId: 'h1',
            callId: LEG,
            speaker: 'agent',
            text: 'Guten Tag, Anna Agent hier.',
            isFinal: true,
            startSeconds: 0,
            endSeconds: 1,
          },
        ],
      },
    });
    const { transcriptPeek: _peek, transcript: _transcript, ...call } = detailOf(offer);
    renderWithDesk(
      <HandoverTimeline
        botCall={{ ...call, consentGiven: false }}
        botSegments={offer.transcript}
        human={human}
      />,
      new HybridDeskFake(),
    );
    const timeline = screen.getByTestId('handover-timeline');
    expect(within(timeline).getByTestId('consent-badge').textContent).toBe(
      'Einwilligung abgelehnt',
    );
    expect(within(timeline).getByTestId('ai-disclosure').textContent).toContain('KI-Hinweis');
    const lines = [...timeline.querySelectorAll('[data-timeline-part]')].map((line) => [
      (line as HTMLElement).dataset.timelinePart,
      line.textContent,
    ]);
    expect(lines).toEqual([
      ['bot', 'KI-Assistent: Hier ist der KI-Assistent der Kanzlei.'],
      ['bot', 'Anrufer: Ich brauche eine rechtliche Einschätzung.'],
      ['human', 'Sie: Guten Tag, Anna Agent hier.'],
    ]);
  });

  it("quotes a line of the bot's part into the note, like a line of the live transcript", () => {
    const offer = offerFixture();
    const quoted: string[] = [];
    const { transcriptPeek: _peek, transcript: _transcript, ...call } = detailOf(offer);
    renderWithDesk(
      <HandoverTimeline
        botCall={call}
        botSegments={offer.transcript}
        human={createTranscriptStore(LEG)}
        onQuote={(text) => {
          quoted.push(text);
          return 'quoted';
        }}
      />,
      new HybridDeskFake(),
    );
    const timeline = screen.getByTestId('handover-timeline');
    const callerLine = within(timeline).getByRole('button', {
      name: /Ich brauche eine rechtliche Einschätzung/,
    });
    fireEvent.click(callerLine);
    expect(quoted).toEqual(['Ich brauche eine rechtliche Einschätzung.']);
    expect(screen.getByTestId('timeline-quote-notice').textContent).toBe(
      'Zeile in die Notiz übernommen.',
    );
  });
});
