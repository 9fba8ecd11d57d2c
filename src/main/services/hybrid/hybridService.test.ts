/**
 * The hybrid host service against a real portal (no part faked): a bot reports a call and
 * escalates over the bot API, the offer reaches the desk's host over the portal's event stream,
 * the accept answers with the handover token the bot is told to REFER to, the loser of a race
 * gets "already taken", and the board and the detail carry transcript, consent and fields.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { hybridService, Offer } from '../../../shared/contract/services/hybridService';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import { setSipUser } from '../../../portal/hybrid/agentStates';
import {
  eventually,
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
  type DeskHost,
} from '../portal/portalServiceTestSupport';
import { createHybridService, type HybridServiceHost } from './hybridService';

const BOT_TOKEN = 'bot-token-for-desk-tests-0123456789abcdef';
const LAW_FIRM = DEMO_CLIENTS[0]!;
const LINE = LAW_FIRM.lines[0]!;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Desk {
  host: DeskHost;
  hybrid: HybridServiceHost;
  offers: Offer[];
  withdrawn: string[];
}

async function setup() {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const portal = await startRestartablePortal(folder.path, {
    hybrid: {
      bots: [{ id: 'lab-bot', token: BOT_TOKEN, clientIds: [LAW_FIRM.id] }],
      botUri: 'sip:bot@lab.empfang.test',
      tickMilliseconds: 100,
    },
  });
  cleanups.push(portal.stop);
  await seedPortal(portal.current(), [
    { userName: 'anna.agent', role: 'agent', clientIds: [LAW_FIRM.id] },
    { userName: 'ben.agent', role: 'agent', clientIds: [LAW_FIRM.id] },
  ]);
  const database = portal.current().context.database;
  const openDesk = async (userName: string, sipUser: string): Promise<Desk> => {
    const deskFolder = await temporaryFolder();
    cleanups.push(deskFolder.remove);
    const host = await startDeskHost(deskFolder.path, portal.url);
    cleanups.push(host.dispose);
    expect((await host.methods.login({ userName, password: TEST_PASSWORD })).kind).toBe('ok');
    const user = await host.methods.me();
    await setSipUser(database, user.id, sipUser);
    const hybrid = createHybridService({
      auth: async () => host.service.connection()!.auth,
      onPortalEvent: host.service.onPortalEvent,
    });
    cleanups.push(hybrid.dispose);
    const desk: Desk = { host, hybrid, offers: [], withdrawn: [] };
    const events = hybrid.events as ServiceEvents<typeof hybridService>;
    events.subscribe((event, payload) => {
      if (event === 'onOfferCreated') desk.offers.push(payload as Offer);
      if (event === 'onOfferWithdrawn') desk.withdrawn.push((payload as { reason: string }).reason);
    });
    await eventually(() => host.service.connection()?.auth.user !== undefined);
    return desk;
  };
  const bot = async (body: Record<string, unknown>) => {
    const response = await fetch(new URL('/bot/v1/events', portal.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: randomUUID(), at: new Date().toISOString(), ...body }),
    });
    expect(response.status).toBe(201);
  };
  const nextCommand = async (callId: string) => {
    const response = await fetch(new URL(`/bot/v1/calls/${callId}/commands?wait=0`, portal.url), {
      headers: { authorization: `Bearer ${BOT_TOKEN}` },
    });
    return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
  };
  const escalatedCall = async () => {
    const callId = randomUUID();
    await bot({ type: 'call-started', callId, line: LINE, sipCallId: `sip-${callId}` });
    await bot({ type: 'disclosure-played', callId });
    await bot({ type: 'consent', callId, given: true });
    await bot({
      type: 'transcript-segment',
      callId,
      segmentId: 'b1',
      speaker: 'bot',
      text: 'Hier ist der KI-Assistent der Kanzlei.',
      startMs: 0,
      endMs: 2000,
      final: true,
    });
    await bot({
      type: 'field-collected',
      callId,
      field: 'name',
      value: 'Petra Lindner',
      confidence: 0.9,
    });
    return callId;
  };
  const escalate = (callId: string) =>
    bot({
      type: 'escalation-requested',
      callId,
      reason: 'caller-asked-for-human',
      urgency: 'high',
      summary: 'Möchte einen Menschen sprechen',
    });
  return { portal, openDesk, bot, nextCommand, escalatedCall, escalate };
}

describe('hybrid service against a real portal', () => {
  it('forwards the offer, accepts it and answers with the token the bot REFERs to', async () => {
    const { openDesk, nextCommand, escalatedCall, escalate } = await setup();
    const desk = await openDesk('anna.agent', '1001');
    await desk.host.methods.setPresence('available');
    const callId = await escalatedCall();

    const board = await desk.hybrid.methods.listBotCalls();
    expect(board.map((call) => [call.callId, call.state, call.consentGiven])).toEqual([
      [callId, 'with-bot', true],
    ]);
    await escalate(callId);
    await eventually(() => desk.offers.length === 1);
    const offer = desk.offers[0]!;
    expect(offer).toMatchObject({
      callId,
      clientId: LAW_FIRM.id,
      reason: 'caller-asked-for-human',
      urgency: 'high',
      consentGiven: true,
      disclosurePlayed: true,
    });
    expect(offer.transcript.map((segment) => segment.text)).toEqual([
      'Hier ist der KI-Assistent der Kanzlei.',
    ]);
    expect(offer.collectedFields).toEqual([
      { field: 'name', value: 'Petra Lindner', confidence: 0.9 },
    ]);
    expect(await desk.hybrid.methods.listOffers()).toHaveLength(1);

    const claim = await desk.hybrid.methods.acceptOffer(offer.offerId);
    expect(claim.kind).toBe('accepted');
    if (claim.kind !== 'accepted') return;
    expect(claim.callId).toBe(callId);
    const command = await nextCommand(callId);
    expect(command).toMatchObject({ type: 'hand-over', handoverToken: claim.handoverToken });

    const detail = await desk.hybrid.methods.botCallDetail(callId);
    expect(detail.collectedFields).toHaveLength(1);
    expect(detail.transcript).toHaveLength(1);
    // A second accept of the same offer is not a second win.
    expect((await desk.hybrid.methods.acceptOffer(offer.offerId)).kind).not.toBe('accepted');
  });

  it('lets only one of two agents take a live bot call over; the other hears "already taken"', async () => {
    const { portal, openDesk, escalatedCall } = await setup();
    const anna = await openDesk('anna.agent', '1001');
    const ben = await openDesk('ben.agent', '1002');
    const callId = await escalatedCall();
    const results = await Promise.all([
      anna.hybrid.methods.takeOverBotCall(callId),
      ben.hybrid.methods.takeOverBotCall(callId),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(['accepted', 'already-taken']);
    // The human part goes to the portal from the desk that took the call, and only from it.
    const [winner, loser] = results[0]!.kind === 'accepted' ? [anna, ben] : [ben, anna];
    const segment = {
      segmentId: 'h1',
      speaker: 'agent' as const,
      text: 'Guten Tag.',
      startMs: 0,
      endMs: 800,
    };
    expect(await winner.hybrid.methods.reportHumanTranscript(callId, [segment])).toBeNull();
    const refused = await loser.hybrid.methods
      .reportHumanTranscript(callId, [{ ...segment, text: 'fremd' }])
      .catch((error: unknown) => error as { code: string });
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(portal.current().context.humanTranscripts.read(callId)).toEqual([segment]);
  });

  it('declines: the offer is withdrawn from this desk', async () => {
    const { openDesk, escalatedCall, escalate } = await setup();
    const desk = await openDesk('anna.agent', '1001');
    await desk.host.methods.setPresence('available');
    const callId = await escalatedCall();
    await escalate(callId);
    await eventually(() => desk.offers.length === 1);
    expect(await desk.hybrid.methods.declineOffer(desk.offers[0]!.offerId)).toBeNull();
    await eventually(() => desk.withdrawn.includes('declined'));
    expect(await desk.hybrid.methods.declineOffer(desk.offers[0]!.offerId)).toBeNull();
  });
});
