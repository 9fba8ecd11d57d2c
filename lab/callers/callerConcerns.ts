/**
 * What the demo's generated callers say (`npm run demo`, docs/demo.md): a few German concerns
 * per demo client, some the voicebot answers from the client's approved texts alone, some where
 * the caller asks for a human (an escalation offer at the desk). Fictional people, numbers from
 * the ranges reserved for film and TV (as in src/shared/demo).
 */
import {
  DEMO_LAW_FIRM,
  DEMO_MEDICAL_PRACTICE,
  DEMO_PLUMBING_BUSINESS,
} from '../../src/shared/demo/demoClients';

export interface CallerConcern {
  readonly clientId: string;
  /** The client line the caller dials (E.164). */
  readonly line: string;
  readonly callerName: string;
  readonly callerNumber: string;
  /** What the caller says after consenting, in order (the bot's ear hears these words). */
  readonly sentences: readonly string[];
  /** True when the caller asks for a human: the call ends up as an offer at the desk. */
  readonly wantsHuman: boolean;
  /** What the caller tells the agent after the takeover (the desk's transcription hears it). */
  readonly toAgent?: readonly string[];
}

const CONSENT = 'Ja, einverstanden.';
const GOODBYE = 'Nein, danke. Auf Wiederhören.';

/** Round robin over the three clients, alternating bot-alone and human calls. */
export const CALLER_CONCERNS: readonly CallerConcern[] = [
  {
    clientId: DEMO_LAW_FIRM.id,
    line: DEMO_LAW_FIRM.lines[0]!,
    callerName: 'Jana Schulz',
    callerNumber: '+4915901234567',
    sentences: [
      'Mein Name ist Jana Schulz. Ich habe eine Kündigung bekommen.',
      'Ich möchte bitte einen Menschen sprechen.',
    ],
    wantsHuman: true,
    toAgent: [
      'Guten Tag, hier ist Jana Schulz. Ich habe gestern die Kündigung bekommen.',
      'Ich brauche einen Termin für eine Erstberatung, am liebsten diese Woche.',
      'Sie erreichen mich unter 0159 01234567, am besten nachmittags.',
    ],
  },
  {
    clientId: DEMO_MEDICAL_PRACTICE.id,
    line: DEMO_MEDICAL_PRACTICE.lines[0]!,
    callerName: 'Peter Albers',
    callerNumber: '+4915901234568',
    sentences: ['Wann sind Ihre Sprechzeiten?', GOODBYE],
    wantsHuman: false,
  },
  {
    clientId: DEMO_PLUMBING_BUSINESS.id,
    line: DEMO_PLUMBING_BUSINESS.lines[0]!,
    callerName: 'Miriam Kaya',
    callerNumber: '+4915901234569',
    sentences: [
      'Hier ist Miriam Kaya, bei mir tropft der Wasserhahn in der Küche.',
      'Kann ich bitte mit einem Mitarbeiter sprechen?',
    ],
    wantsHuman: true,
    toAgent: [
      'Hallo, Miriam Kaya hier. Der Wasserhahn in der Küche tropft seit heute Morgen.',
      'Kann ein Monteur vorbeikommen? Rufen Sie mich bitte an unter 0159 01234569.',
    ],
  },
  {
    clientId: DEMO_LAW_FIRM.id,
    line: DEMO_LAW_FIRM.lines[0]!,
    callerName: 'Tobias Wendt',
    callerNumber: '+4915901234570',
    sentences: ['Was kostet eine Erstberatung?', GOODBYE],
    wantsHuman: false,
  },
  {
    clientId: DEMO_MEDICAL_PRACTICE.id,
    line: DEMO_MEDICAL_PRACTICE.lines[0]!,
    callerName: 'Helga Brandstätter',
    callerNumber: '+4915901234571',
    sentences: [
      'Ich brauche ein neues Rezept für meine Blutdrucktabletten.',
      'Ich möchte lieber einen Menschen sprechen.',
    ],
    wantsHuman: true,
    toAgent: [
      'Guten Tag, Helga Brandstätter. Ich brauche ein Folgerezept für meine Blutdrucktabletten.',
      'Ich hole es gern morgen in der Praxis ab. Meine Nummer ist 0159 01234571.',
    ],
  },
  {
    clientId: DEMO_PLUMBING_BUSINESS.id,
    line: DEMO_PLUMBING_BUSINESS.lines[0]!,
    callerName: 'Ole Petersen',
    callerNumber: '+4915901234572',
    sentences: ['Wann haben Sie geöffnet?', GOODBYE],
    wantsHuman: false,
  },
];

/** One utterance the bot's ear "hears", in seconds of caller audio from the call's start. */
export interface HeardUtterance {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly text: string;
}

/**
 * The words of one call for the bot's transcription: consent, then each sentence, a few seconds
 * apart. The bot holds words that arrive while it speaks until it has finished (no barge-in), so
 * early times only mean "in this order".
 */
export function heardUtterances(concern: CallerConcern): HeardUtterance[] {
  return [CONSENT, ...concern.sentences].map((text, index) => ({
    startSeconds: 2 + index * 4,
    endSeconds: 2 + index * 4 + 2,
    text,
  }));
}

/** Everything the caller says, as one text for espeak (the audio the bot receives over RTP). */
export function spokenText(concern: CallerConcern): string {
  return [CONSENT, ...concern.sentences].join(' ');
}

/**
 * What the desk's transcription hears after a takeover, in seconds from the start of the desk's
 * connection: the caller's words to the agent, a few seconds apart. Empty for bot-alone calls.
 */
export function heardByAgent(concern: CallerConcern): HeardUtterance[] {
  return (concern.toAgent ?? []).map((text, index) => ({
    startSeconds: 2 + index * 6,
    endSeconds: 2 + index * 6 + 4,
    text,
  }));
}
