/**
 * The lab voicebot as a SIP endpoint: registers with the proxy, answers every INVITE routed to
 * it (the portal's `bot` or `queue` target) with G.711 RTP, and runs one `VoicebotCall` per
 * call. Which client a call is for comes from `P-Called-Party-ID` (the dialled line); the
 * portal's call ID from `X-Empfang-Call-Id`, hold mode from `X-Empfang-Bot-Mode: hold`.
 */
import { randomUUID } from 'node:crypto';
import type { ClientProfile } from '../../src/shared/domain/clientProfile';
import { UuidSchema } from '../../src/shared/portalWire/commonSchemas';
import type { OpenAiProviderSettings } from '../../src/main/services/ai/providerSettings';
import { createApprovedTextAnswerer } from './approvedTextAnswerer';
import { BotApiClient } from './botApiClient';
import type { TranscriberSettings } from './callTranscriber';
import { RtpSession } from './rtpSession';
import { answerDirection, buildAudioAnswer, readRemoteAudio } from './sessionDescription';
import type { SipDialog } from './sipDialog';
import { headerValue, uriOf, type SipRequest } from './sipMessage';
import { SipUserAgent, type InviteAnswer } from './sipUserAgent';
import { createEspeakSynthesizer } from './speechSynthesizer';
import { VoicebotCall } from './voicebotCall';

export interface VoicebotConfiguration {
  readonly sipUser: string;
  readonly sipDomain: string;
  readonly proxyHost: string;
  readonly proxyPort: number;
  readonly localHost: string;
  readonly localPort?: number;
  readonly portal?: { baseUrl: string; token: string };
  readonly transcription?: Omit<TranscriberSettings, 'language'>;
  readonly model?: OpenAiProviderSettings;
  readonly clients: readonly ClientProfile[];
  /**
   * For a bot reached without the portal's routing (no `X-Empfang-Call-Id`): make up a call ID
   * and report the call under it. Off by default: such calls are then not reported at all.
   */
  readonly assignCallIds?: boolean;
  readonly log: (line: string) => void;
}

const E164 = /^\+[1-9]\d{4,14}$/;

function userOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^sips?:([^@;>]+)@/i.exec(uriOf(value));
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** The client's greeting without the agent's name: "Kanzlei X, guten Tag." */
export function botGreetingOf(client: ClientProfile): string {
  const lead = client.greeting.split(/,?\s*(?:Sie sprechen mit|mein Name ist|\{)/)[0]?.trim() ?? '';
  if (lead === '') return '';
  return /[.!?]$/.test(lead) ? lead : `${lead}.`;
}

export interface Voicebot {
  readonly contact: string;
  readonly calls: ReadonlyMap<string, VoicebotCall>;
  stop(): Promise<void>;
}

export async function startVoicebot(configuration: VoicebotConfiguration): Promise<Voicebot> {
  const { log } = configuration;
  const speech = createEspeakSynthesizer();
  const answerer = createApprovedTextAnswerer(configuration.model);
  const api = configuration.portal ? new BotApiClient({ ...configuration.portal, log }) : undefined;
  const calls = new Map<string, VoicebotCall>();

  const onInvite = async (invite: SipRequest, dialog: SipDialog): Promise<InviteAnswer> => {
    const line =
      [userOf(headerValue(invite, 'p-called-party-id')), userOf(headerValue(invite, 'to'))].find(
        (candidate) => candidate !== undefined && E164.test(candidate),
      ) ?? '';
    const client = configuration.clients.find((candidate) => candidate.lines.includes(line));
    if (!client) {
      log('voicebot: INVITE for a line of no known client refused');
      return { accept: false, status: 404, reason: 'Unknown Line' };
    }
    const remote = readRemoteAudio(invite.body);
    if (!remote || !remote.pcmuOffered) {
      return { accept: false, status: 488, reason: 'Not Acceptable Here' };
    }
    const portalCallId = headerValue(invite, 'x-empfang-call-id')?.trim();
    const callId = UuidSchema.safeParse(portalCallId).success
      ? portalCallId
      : configuration.assignCallIds
        ? randomUUID()
        : undefined;
    if (!callId) log('voicebot: INVITE without a portal call ID: nothing is reported');
    const fromUser = userOf(headerValue(invite, 'from'));
    const rtp = await RtpSession.open(configuration.localHost);
    const call = new VoicebotCall({
      callId,
      sipCallId: dialog.callId,
      line,
      callerNumber: fromUser && E164.test(fromUser) ? fromUser : undefined,
      hold: /^hold$/i.test(headerValue(invite, 'x-empfang-bot-mode')?.trim() ?? ''),
      client,
      greeting: botGreetingOf(client),
      rtp,
      speech,
      answerer,
      api,
      transcription: configuration.transcription
        ? { ...configuration.transcription, language: client.language || 'de' }
        : undefined,
      log,
      onFinished: () => calls.delete(dialog.callId),
      signalling: {
        refer: async (referTo) =>
          (
            await userAgent.sendInDialog(dialog.callId, 'REFER', [
              { name: 'Refer-To', value: `<${referTo}>` },
              {
                name: 'Referred-By',
                value: `<sip:${configuration.sipUser}@${configuration.sipDomain}>`,
              },
            ])
          ).status,
        hangUp: () => userAgent.hangUp(dialog.callId),
      },
    });
    calls.set(dialog.callId, call);
    const sessionId = Date.now();
    let version = 1;
    const answer = (offer: typeof remote) =>
      buildAudioAnswer({
        address: configuration.localHost,
        port: rtp.port,
        sessionId,
        version,
        telephoneEventPayloadType: offer.telephoneEventPayloadType,
        direction: answerDirection(offer.direction),
      });
    log('voicebot: answering a call');
    return {
      accept: true,
      sdp: answer(remote),
      events: {
        onConfirmed: () => {
          rtp.setRemote(remote.address, remote.port);
          void call.begin();
        },
        onBye: () => void call.end(),
        onCancel: () => void call.finish(false),
        onNotify: (status, terminated) => call.notified(status, terminated),
        onReinvite: (sdp) => {
          const offer = readRemoteAudio(sdp) ?? remote;
          rtp.setRemote(offer.address, offer.port);
          version += 1;
          return answer(offer);
        },
      },
    };
  };

  const userAgent = new SipUserAgent({
    user: configuration.sipUser,
    domain: configuration.sipDomain,
    proxy: { host: configuration.proxyHost, port: configuration.proxyPort },
    localHost: configuration.localHost,
    localPort: configuration.localPort,
    onInvite,
    log,
  });
  await userAgent.start();
  log(
    `voicebot: registered as ${configuration.sipUser} on ${configuration.localHost}:${userAgent.localPort}`,
  );
  return {
    contact: userAgent.contact,
    calls,
    stop: async () => {
      await Promise.all([...calls.values()].map((call) => call.finish(true)));
      await userAgent.stop();
    },
  };
}
