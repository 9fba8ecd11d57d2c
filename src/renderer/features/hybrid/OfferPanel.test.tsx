import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import type { HandoverGate } from '../softphone/sip/handoverGate';
import { hybridStoreFor } from './hybridForWindow';
import { startHybridSync } from './hybridSync';
import { OfferPanel } from './OfferPanel';
import { softphoneFor } from '../softphone/softphoneContext';
import { CallNotifierFake, RingerFake } from '../softphone/testing/softphoneDeskFake';
import {
  detailOf,
  HANDOVER_TOKEN,
  HybridDeskFake,
  offerFixture,
  provideHandoverGate,
} from './testing/hybridDeskFake';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function renderOffers(fake = new HybridDeskFake()) {
  const ringer = new RingerFake();
  const notifier = new CallNotifierFake();
  let gate: HandoverGate | undefined;
  const rendered = renderWithDesk(
    <OfferPanel ringer={ringer} notifier={notifier} />,
    fake,
    (environment) => {
      gate = provideHandoverGate(environment);
    },
  );
  const store = hybridStoreFor(rendered.stores);
  const expected: string[] = [];
  const originalExpect = gate!.expect.bind(gate);
  gate!.expect = (handover) => {
    expected.push(handover.handoverToken);
    originalExpect(handover);
  };
  stops.push(startHybridSync({ store, client: rendered.environment.client, handover: gate! }));
  return { ...rendered, fake, ringer, notifier, store, expected, gate: gate! };
}

const card = () => screen.getByTestId('escalation-offer');

describe('escalation offer', () => {
  it('rings and shows client, reason, urgency, summary, fields with confidence, consent and the bot transcript', async () => {
    const { fake, ringer, notifier } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    await screen.findByTestId('escalation-offer');
    await waitFor(() =>
      expect(within(card()).getByTestId('offer-client').textContent).toBe(
        'Kanzlei Brandt & Okafor',
      ),
    );
    expect(within(card()).getByTestId('offer-reason').textContent).toBe(
      'Beurteilung nötig (Recht, Medizin, Steuern)',
    );
    expect(card().textContent).toContain('hoch');
    expect(within(card()).getByTestId('offer-summary').textContent).toContain(
      'Frist im Mietstreit',
    );
    expect(within(card()).getByTestId('collected-name').textContent).toContain('Petra Lindner');
    expect(within(card()).getByTestId('collected-name').textContent).toContain('Sicherheit 94 %');
    expect(within(card()).getByTestId('consent-badge').textContent).toBe('Einwilligung erteilt');
    expect(within(card()).getByTestId('ai-disclosure').textContent).toContain(
      'KI-Hinweis gespielt',
    );
    const transcript = within(card()).getByRole('list', {
      name: 'Gespräch mit dem KI-Assistenten',
    });
    expect(
      within(transcript)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual([
      'KI-Assistent: Hier ist der KI-Assistent der Kanzlei.',
      'Anrufer: Ich brauche eine rechtliche Einschätzung.',
    ]);
    expect(ringer.ringing).toBe('incoming');
    expect(notifier.shown.size).toBe(1);
    expect(screen.getByTestId('offer-announcement').textContent).toContain(
      'Übergabe angeboten: Kanzlei Brandt & Okafor',
    );
    expect(screen.getByTestId('offer-countdown').textContent).toMatch(/^Noch 1[4-6] s$/);
  });

  it('rings again for offers that were open before a reload', async () => {
    const fake = new HybridDeskFake();
    fake.offers = [offerFixture()];
    const { ringer } = await renderOffers(fake);
    await screen.findByTestId('escalation-offer');
    expect(ringer.ringing).toBe('incoming');
  });

  it('renders hostile caller text as text only', async () => {
    const { fake } = await renderOffers();
    const hostile = '<img src=x onerror="alert(1)">\u202eevil';
    act(() =>
      fake.emitHybrid(
        'onOfferCreated',
        offerFixture({
          summary: hostile,
          transcript: [
            {
              segmentId: 'c1',
              speaker: 'caller',
              text: hostile,
              startMs: 0,
              endMs: 1,
              final: true,
            },
          ],
          collectedFields: [{ field: 'name', value: hostile, confidence: 0.4 }],
        }),
      ),
    );
    await screen.findByTestId('escalation-offer');
    expect(card().querySelector('img')).toBeNull();
    expect(within(card()).getByTestId('offer-summary').textContent).toContain('<img src=x');
    expect(card().textContent).not.toContain('\u202e');
  });

  it('accepts with one click: the token goes to the softphone, the ringing stops', async () => {
    const { fake, ringer, notifier, expected, store } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    fireEvent.click(await screen.findByRole('button', { name: 'Übernehmen' }));
    await screen.findByTestId('offer-accepted');
    expect(fake.accepted).toEqual(['0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f']);
    expect(expected).toEqual([HANDOVER_TOKEN]);
    expect(card().dataset.handoverToken).toBe(HANDOVER_TOKEN);
    expect(ringer.ringing).toBeUndefined();
    expect(notifier.shown.size).toBe(0);
    // The portal's own withdrawal ("accepted") does not take the card away before the call comes.
    act(() =>
      fake.emitHybrid('onOfferWithdrawn', {
        at: new Date().toISOString(),
        agentUserId: 'user-1',
        offerId: '0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f',
        callId: '6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
        reason: 'accepted',
      }),
    );
    expect(store.getState().offerOrder).toHaveLength(1);
    // Once the call is connected (handed over), the accepted card has done its job.
    const {
      transcript: _t,
      collectedFields: _f,
      transcriptPeek: _p,
      ...call
    } = detailOf(offerFixture());
    act(() =>
      fake.emitHybrid('onBotCallUpdated', { ...call, state: 'handed-over', at: call.startedAt }),
    );
    expect(screen.queryByTestId('escalation-offer')).toBeNull();
  });

  it('accepts with the answer key (Alt+A) when no call rings, and leaves it to a ringing call', async () => {
    const { fake, environment } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    await screen.findByRole('button', { name: 'Übernehmen' });
    // A call rings: Alt+A is the softphone's, the offer stays untouched.
    const calls = softphoneFor(environment).store;
    act(() =>
      calls.getState().addLeg({
        id: 'leg-ringing',
        direction: 'incoming',
        remoteLabel: '0151 1234567',
        remoteName: '',
        createdAt: 1,
        event: 'incoming',
      }),
    );
    fireEvent.keyDown(window, { altKey: true, code: 'KeyA', key: 'a' });
    expect(fake.accepted).toEqual([]);
    act(() => calls.getState().removeLeg('leg-ringing'));
    // Other modifiers are someone else's shortcut.
    fireEvent.keyDown(window, { altKey: true, ctrlKey: true, code: 'KeyA', key: 'a' });
    expect(fake.accepted).toEqual([]);
    fireEvent.keyDown(window, { altKey: true, code: 'KeyA', key: 'a' });
    await screen.findByTestId('offer-accepted');
    expect(fake.accepted).toEqual(['0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f']);
  });

  it('says "already taken" when another agent won, and closes on request', async () => {
    const fake = new HybridDeskFake();
    fake.claimAnswer = { kind: 'already-taken' };
    const { expected, ringer } = await renderOffers(fake);
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    fireEvent.click(await screen.findByRole('button', { name: 'Übernehmen' }));
    expect((await screen.findByTestId('offer-already-taken')).textContent).toBe(
      'Bereits von einer Kollegin oder einem Kollegen übernommen.',
    );
    expect(expected).toEqual([]);
    expect(ringer.ringing).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(screen.queryByTestId('escalation-offer')).toBeNull();
  });

  it('keeps the offer and says so when the portal cannot be reached', async () => {
    const fake = new HybridDeskFake();
    fake.claimAnswer = 'unreachable';
    await renderOffers(fake);
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    fireEvent.click(await screen.findByRole('button', { name: 'Übernehmen' }));
    await screen.findByRole('alert');
    expect((screen.getByRole('button', { name: 'Übernehmen' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('disappears when withdrawn (caller hung up) and stops ringing', async () => {
    const { fake, ringer, notifier } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    await screen.findByTestId('escalation-offer');
    act(() =>
      fake.emitHybrid('onOfferWithdrawn', {
        at: new Date().toISOString(),
        agentUserId: 'user-1',
        offerId: '0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f',
        callId: '6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
        reason: 'caller-hung-up',
      }),
    );
    expect(screen.queryByTestId('escalation-offer')).toBeNull();
    expect(ringer.ringing).toBeUndefined();
    expect(notifier.shown.size).toBe(0);
  });

  it('shows "already taken" when the portal withdraws it for another agent', async () => {
    const { fake } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    await screen.findByTestId('escalation-offer');
    act(() =>
      fake.emitHybrid('onOfferWithdrawn', {
        at: new Date().toISOString(),
        agentUserId: 'user-1',
        offerId: '0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f',
        callId: '6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
        reason: 'taken-by-other',
      }),
    );
    await screen.findByTestId('offer-already-taken');
  });

  it('declines: the card goes and the portal hears it', async () => {
    const { fake, ringer } = await renderOffers();
    act(() => fake.emitHybrid('onOfferCreated', offerFixture()));
    const decline = await screen.findByRole('button', { name: 'Ablehnen' });
    decline.focus();
    expect(document.activeElement).toBe(decline);
    fireEvent.click(decline);
    expect(screen.queryByTestId('escalation-offer')).toBeNull();
    await waitFor(() => expect(fake.declined).toEqual(['0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f']));
    expect(ringer.ringing).toBeUndefined();
  });
});
