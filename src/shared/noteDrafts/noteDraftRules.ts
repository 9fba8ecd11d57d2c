/**
 * Rule-based call-note drafting from a German transcript: caller name, callback number
 * (E.164), concern, urgency and preferred callback time. Pure and deterministic; the agent
 * reviews every value. Patterns work on transcripts with punctuation and capitalised nouns
 * (Deepgram's smart formatting) and degrade to "no value" otherwise, never to a guess.
 */
import type { ClientProfile } from '../domain/clientProfile';
import { foldGerman } from '../language/germanNormalizer';
import { findPhoneNumbers } from '../language/germanPhoneNumber';
import { findKeywords } from '../language/keywordMatcher';

export type DraftUrgency = 'high' | 'normal' | 'low';

export interface DraftLine {
  readonly speaker: 'caller' | 'agent';
  readonly text: string;
}

export interface RuleDraft {
  readonly callerName?: string;
  readonly callbackNumber?: string;
  readonly concern?: string;
  readonly urgency: DraftUrgency;
  readonly preferredCallbackTime?: string;
  readonly keywordsHeard: string[];
}

const MAXIMUM_CONCERN_LENGTH = 300;
const NAME =
  "((?:(?:Frau|Herr|Herrn|Dr\\.|Prof\\.)\\s+)*\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)";
// Case-sensitive on purpose: names are capitalised; the lead words allow a capital initial.
const NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:[Mm]ein Name ist|[Ii]ch hei(?:ß|ss)e|[Hh]ier (?:ist|spricht)|[Aa]m Apparat ist)\\s+${NAME}`,
    'u',
  ),
  new RegExp(
    `\\b[Ii]ch bin\\s+((?:Frau|Herr)\\s+\\p{Lu}[\\p{L}'’-]+|\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}[\\p{L}'’-]+)`,
    'u',
  ),
  new RegExp(`${NAME},?\\s+(?:ist\\s+)?[Mm]ein Name\\b`, 'u'),
];
/** Capitalised words that start sentences but are no names. */
const NOT_NAMES = new Set([
  'ja',
  'nein',
  'also',
  'hallo',
  'guten',
  'tag',
  'morgen',
  'abend',
  'gerne',
  'genau',
  'danke',
  'bitte',
  'ich',
  'hier',
  'das',
  'die',
  'der',
]);
const AGENT_ASKS_NAME = /\b(ihr(?:en)? name|wie hei(?:ß|ss)en sie|mit wem spreche ich)\b/i;

const URGENT =
  /\b(dringend\w*|sofort|notfall\w*|eilig|so schnell wie moeglich|schnellstmoeglich|heute noch|noch heute|lebensgefaehrlich|frist\w*|asap)\b/;
const NOT_URGENT =
  /\b(keine eile|nicht eilig|nicht dringend|hat zeit|wann es (?:ihnen )?passt|keine hektik|irgendwann|kein(?:e|en)? notfall\w*)\b/;

const DAY =
  '(?:heute|morgen|übermorgen|montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonntags?)';
const DAYPART = '(?:vormittags?|nachmittags?|abends?|mittags?|früh|in der Mittagspause)';
const CLOCK =
  '(?:(?:ab|nach|vor|bis|gegen|um|zwischen)\\s+\\d{1,2}(?:[:.]\\d{2})?(?:\\s*Uhr)?(?:\\s*(?:und|bis|-)\\s*\\d{1,2}(?:[:.]\\d{2})?(?:\\s*Uhr)?)?)';
const TIME_PHRASE = new RegExp(
  `(?:${DAY}\\s*)?(?:${DAYPART}\\s*)?${CLOCK}|${DAY}(?:\\s+${DAYPART})?|${DAYPART}`,
  'iu',
);
const CALLBACK_CONTEXT = /\b(zurueckruf\w*|rueckruf\w*|erreich\w*|anruf\w*|melden|am besten)\b/;
const AGENT_ASKS_TIME = /\bwann\b.*\b(erreich\w*|zurueckruf\w*|rueckruf|anruf\w*|passt)\b/;

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');

function cleanName(raw: string): string | undefined {
  const words = raw
    .trim()
    .replace(/[.,!?]+$/, '')
    .split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(foldGerman(words[0] ?? ''))) words.shift();
  const name = words.join(' ');
  return name.length >= 2 && !NOT_NAMES.has(foldGerman(name)) ? name : undefined;
}

function findCallerName(lines: readonly DraftLine[]): string | undefined {
  for (const [index, line] of lines.entries()) {
    if (line.speaker === 'caller') {
      for (const pattern of NAME_PATTERNS) {
        const match = pattern.exec(line.text);
        const name = match?.[1] ? cleanName(match[1]) : undefined;
        if (name) return name;
      }
    } else if (AGENT_ASKS_NAME.test(line.text)) {
      const answer = lines.slice(index + 1).find((next) => next.speaker === 'caller');
      const words =
        answer?.text
          .replace(/[.,!?]/g, ' ')
          .trim()
          .split(/\s+/) ?? [];
      if (words.length > 0 && words.length <= 5) {
        const name = cleanName(
          words
            .filter((word) => /^\p{Lu}/u.test(word))
            .slice(-2)
            .join(' '),
        );
        if (name) return name;
      }
    }
  }
  return undefined;
}

function findPreferredTime(lines: readonly DraftLine[]): string | undefined {
  let agentAsked = false;
  for (const line of lines) {
    if (line.speaker === 'agent') {
      agentAsked = AGENT_ASKS_TIME.test(foldGerman(line.text));
      continue;
    }
    for (const sentence of sentencesOf(line.text)) {
      if (!agentAsked && !CALLBACK_CONTEXT.test(foldGerman(sentence))) continue;
      const match = TIME_PHRASE.exec(sentence);
      if (match) return match[0].trim();
    }
    agentAsked = false;
  }
  return undefined;
}

/** Greetings, names and numbers say nothing about the concern. */
const NOT_CONCERN =
  /^(ja|nein|hallo|guten (tag|morgen|abend)|gruess gott|moin|danke|tschuess|auf wiederhoeren|mein name|hier (ist|spricht)|ich heisse|meine nummer|die nummer|sie erreichen mich)\b/;

function findConcern(lines: readonly DraftLine[]): string | undefined {
  const sentences = lines
    .filter((line) => line.speaker === 'caller')
    .flatMap((line) => sentencesOf(line.text))
    .filter(
      (sentence) =>
        !NOT_CONCERN.test(foldGerman(sentence)) && findPhoneNumbers(sentence).length === 0,
    )
    .filter((sentence) => sentence.split(/\s+/).length >= 3);
  if (sentences.length === 0) return undefined;
  let concern = sentences[0] ?? '';
  if (concern.length < 60 && sentences[1]) concern = `${concern} ${sentences[1]}`;
  return concern.length > MAXIMUM_CONCERN_LENGTH
    ? `${concern.slice(0, MAXIMUM_CONCERN_LENGTH - 1)}…`
    : concern;
}

export function draftNoteByRules(
  lines: readonly DraftLine[],
  client: Pick<ClientProfile, 'keywordAlerts'>,
): RuleDraft {
  const callerText = lines
    .filter((line) => line.speaker === 'caller')
    .map((line) => line.text)
    .join('\n');
  const keywordsHeard = findKeywords(callerText, client.keywordAlerts);
  const folded = foldGerman(callerText);
  // "nicht eilig" must not count as "eilig".
  const calmRemoved = folded.replace(new RegExp(NOT_URGENT.source, 'g'), ' ');
  // A keyword still raises its alert chip, but only an affirmed one makes the note urgent.
  const urgentKeywords = findKeywords(calmRemoved, client.keywordAlerts);
  const urgency: DraftUrgency =
    urgentKeywords.length > 0 || URGENT.test(calmRemoved)
      ? 'high'
      : NOT_URGENT.test(folded)
        ? 'low'
        : 'normal';
  return {
    callerName: findCallerName(lines),
    callbackNumber: findPhoneNumbers(callerText).at(-1),
    concern: findConcern(lines),
    urgency,
    preferredCallbackTime: findPreferredTime(lines),
    keywordsHeard,
  };
}
