/**
 * One call of the lab voicebot: wires the dialogue state machine to the call's media (RTP,
 * espeak speech, Deepgram transcription), the portal's bot API (events, long-polled commands)
 * and SIP (REFER for the handover, BYE). Every effect is an action of `transition()`; every
 * outside happening is fed back as a dialogue event.
 */
import type { ClientProfile } from '../../src/shared/domain/clientProfile';
import type { Answerer } from './approvedTextAnswerer';
import type { BotApiClient } from './botApiClient';
import type { BotCommand, BotEventBody, HandoverFailure } from './botEvents';
import { CallTranscriber, type TranscriberSettings } from './callTranscriber';
import type { RtpSession } from './rtpSession';
import type { SpeechSynthesizer } from './speechSynthesizer';
import {
  INITIAL_DIALOGUE_STATE,
  transition,
  type DialogueAction,
  type DialogueContext,
  type DialogueEvent,
  type DialogueState,
} from './voicebotDialogue';

/** While waiting for a human the bot speaks up this often. */
const COMPANY_INTERVAL_MILLISECONDS = 20_000;
/** A REFER whose final NOTIFY has not come by then counts as failed. */
const REFER_TIMEOUT_MILLISECONDS = 30_000;

export interface CallSignalling {
  /** Sends REFER; resolves with the final response status (408 on timeout). */
  refer(referTo: string): Promise<number>;
  hangUp(): Promise<void>;
}

export interface VoicebotCallOptions {
  readonly callId: string | undefined;
  readonly sipCallId: string;
  readonly line: string;
  readonly callerNumber?: string;
  readonly hold: boolean;
  readonly client: ClientProfile;
  readonly greeting: string;
  readonly rtp: RtpSession;
  readonly signalling: CallSignalling;
  readonly speech: SpeechSynthesizer;
  readonly answerer: Answerer;
  readonly api: BotApiClient | undefined;
  readonly transcription: TranscriberSettings | undefined;
  readonly log: (line: string) => void;
  /** Called once when the bot's part of the call is over. */
  readonly onFinished?: () => void;
}

export class VoicebotCall {
  private state: DialogueState = INITIAL_DIALOGUE_STATE;
  private readonly context: DialogueContext;
  private readonly startedAt = Date.now();
  private transcriber: CallTranscriber | undefined;
  private readonly polling = new AbortController();
  private companyTimer: NodeJS.Timeout | undefined;
  private referWaiter: ((outcome: 'ok' | HandoverFailure) => void) | undefined;
  private segmentCounter = 0;
  private finished = false;

  constructor(private readonly options: VoicebotCallOptions) {
    this.context = {
      client: { greeting: options.greeting, keywordAlerts: options.client.keywordAlerts },
      callerNumber: options.callerNumber,
      hold: options.hold,
    };
  }

  get phase(): DialogueState['phase'] {
    return this.state.phase;
  }

  /** The caller's ACK arrived: the call is up. */
  async begin(): Promise<void> {
    const { callId, line, sipCallId } = this.options;
    if (callId) void this.report({ type: 'call-started', line, sipCallId });
    if (this.options.transcription) {
      const sessionId = callId ?? 'unreported';
      this.transcriber = new CallTranscriber(sessionId, this.options.transcription, (segment) => {
        void this.report({
          type: 'transcript-segment',
          speaker: 'caller',
          final: true,
          ...segment,
          segmentId: this.nextSegmentId('caller'),
        });
        this.feed({ type: 'caller-said', utterance: { text: segment.text, confidence: 1 } });
      });
      this.options.rtp.onAudio((payload) => this.transcriber?.push(payload));
      void this.transcriber.start();
    }
    this.companyTimer = setInterval(
      () => this.feed({ type: 'waiting-tick' }),
      COMPANY_INTERVAL_MILLISECONDS,
    );
    void this.pollCommands();
    this.feed({ type: 'start' });
  }

  /** The caller hung up (BYE or CANCEL). */
  callerHungUp(): void {
    this.feed({ type: 'caller-hung-up' });
  }

  /** A NOTIFY of the REFER subscription. */
  notified(status: number | undefined, terminated: boolean): void {
    if (status === undefined || status < 200) {
      if (terminated) this.referWaiter?.('other');
      return;
    }
    this.referWaiter?.(status < 300 ? 'ok' : 'refused');
  }

  private nextSegmentId(speaker: 'caller' | 'bot'): string {
    this.segmentCounter += 1;
    return `${speaker}-${this.segmentCounter}`;
  }

  private report(event: BotEventBody): Promise<unknown> {
    const { api, callId } = this.options;
    if (!api || !callId) return Promise.resolve();
    return api.report(callId, event);
  }

  private feed(event: DialogueEvent): void {
    if (this.finished) return;
    const result = transition(this.state, event, this.context);
    if (result.state.phase !== this.state.phase) {
      this.options.log(`voicebot: ${this.state.phase} -> ${result.state.phase}`);
    }
    this.state = result.state;
    for (const action of result.actions) this.perform(action);
  }

  private perform(action: DialogueAction): void {
    switch (action.type) {
      case 'say':
        void this.say(action.text);
        return;
      case 'report':
        void this.report(action.event);
        return;
      case 'decide-answer':
        void this.options
          .answerer(this.options.client, this.state.callerLines)
          .catch(() => ({ kind: 'escalate', reason: 'no-match' }) as const)
          .then((decision) => this.feed({ type: 'answer-decided', decision }));
        return;
      case 'refer':
        void this.handOver(action.referTo);
        return;
      case 'hang-up':
      case 'leave':
        void this.finish(true);
        return;
    }
  }

  private async say(text: string): Promise<void> {
    const startMs = Date.now() - this.startedAt;
    let played = false;
    try {
      const audio = await this.options.speech.synthesize(text);
      void this.report({
        type: 'transcript-segment',
        segmentId: this.nextSegmentId('bot'),
        speaker: 'bot',
        text,
        startMs,
        endMs: startMs + Math.round(audio.length / 8),
        final: true,
      });
      played = await this.options.rtp.play(audio);
    } catch {
      // Without audio the dialogue must still move on, as if the phrase had been said.
      this.options.log('voicebot: speech synthesis failed');
      played = true;
    }
    if (!played) return;
    this.feed({ type: 'playback-finished' });
  }

  private async handOver(referTo: string): Promise<void> {
    // The bot stops talking: the caller's UA is about to leave for the agent.
    this.options.rtp.stopPlayback();
    const outcome = new Promise<'ok' | HandoverFailure>((resolve) => {
      this.referWaiter = resolve;
      setTimeout(() => resolve('timeout'), REFER_TIMEOUT_MILLISECONDS);
    });
    const status = await this.options.signalling.refer(referTo);
    let result: 'ok' | HandoverFailure;
    if (status === 408) result = 'timeout';
    else if (status >= 300) result = 'refused';
    else result = await outcome;
    this.referWaiter = undefined;
    this.options.log(`voicebot: handover ${result === 'ok' ? 'done' : `failed (${result})`}`);
    this.feed(
      result === 'ok'
        ? { type: 'handover-result', ok: true }
        : { type: 'handover-result', ok: false, reason: result },
    );
  }

  private async pollCommands(): Promise<void> {
    const { api, callId } = this.options;
    if (!api || !callId) return;
    while (!this.finished) {
      let command: BotCommand | undefined;
      try {
        command = await api.nextCommand(callId, this.polling.signal);
      } catch {
        if (this.finished) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (command) {
        this.options.log(`voicebot: command ${command.type}`);
        this.feed({ type: 'command', command });
      }
    }
  }

  /** Ends the bot's part: stops media, transcription and polling; BYE when `hangUp`. */
  async finish(hangUp: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.companyTimer);
    this.polling.abort();
    this.options.rtp.close();
    if (hangUp) await this.options.signalling.hangUp();
    await this.transcriber?.stop().catch(() => undefined);
    if (this.options.api && this.options.callId) await this.options.api.drain(this.options.callId);
    this.options.onFinished?.();
  }

  /** The caller is gone: report and clean up without a BYE. */
  async end(): Promise<void> {
    this.callerHungUp();
    await this.finish(false);
  }
}
