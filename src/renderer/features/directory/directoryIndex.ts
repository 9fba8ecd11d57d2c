/**
 * Search over every client the agent serves: client names and lines, staff (name, function,
 * number, callback windows, absence note) and approved texts (title, tags, text).
 *
 * Matching: the query is split into terms; an entry (a client's header, one staff member, one
 * approved text) matches when every term is the start of one of its words. Words are folded
 * German (`foldGerman`: "Müller" = "Mueller"); staff and texts also carry their client's name,
 * so "Müller Schmidt" finds Ms Schmidt at Kanzlei Müller. Numbers match in any format: every
 * number is indexed as E.164 digits (4930…), national digits (030…) and the subscriber part, and
 * a query that is only a number ("+49 30 2312-5101", "0049 30…", "030/2312…") is read as one term.
 *
 * The index keeps the unique words sorted with the entries of each word, so a term is a binary
 * search plus the postings of the words it starts; `naiveDirectorySearch` scans every entry and
 * gives the same answers (the tests compare both; the benchmark prints their times).
 */
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { countryCodeOf, formatForDisplay, toE164 } from '../../../shared/domain/phoneNumber';
import { tokenizeGerman } from '../../../shared/language/germanNormalizer';

/** What matched in one client, in the order the clients were given. */
export interface DirectoryMatch {
  clientId: string;
  /** The client's own entry (name, lines) matched: show the client whole. */
  whole: boolean;
  staffIds: string[];
  textIds: string[];
}

export interface DirectorySearch {
  search(query: string): DirectoryMatch[];
}

type EntryKind = 'client' | 'staff' | 'text';

interface Entry {
  clientIndex: number;
  kind: EntryKind;
  id: string;
  words: string[];
}

/** Digit forms under which a number is found: E.164 digits, national digits, subscriber part. */
export function numberWords(input: string): string[] {
  const e164 = toE164(input);
  if (!e164) return [];
  const digits = e164.slice(1);
  const countryCode = countryCodeOf(e164);
  const national = `0${digits.slice(countryCode.length)}`;
  const forms = [digits, national];
  // The part after a German area code, for people who type only "2312…": the display form
  // splits it off with a space (so no second list of area codes here).
  const subscriber = /^0\d{2,5} (\d+)$/.exec(formatForDisplay(e164))?.[1];
  if (subscriber) forms.push(subscriber);
  return forms;
}

/** A transfer target is a number or a SIP URI/extension ("sip:2001@pbx…" is found as 2001). */
function targetWords(target: string): string[] {
  const user = /^(?:sips?:)?\+?(\d{2,15})@/i.exec(target)?.[1];
  return user ? [user, ...numberWords(user)] : numberWords(target);
}

/** Query terms: a number-only query is one digit term; else folded words. */
export function queryTerms(query: string): string[] {
  const trimmed = query.trim().slice(0, 200);
  if (/^[+\d\s\-./()]+$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))) {
    const digits = trimmed.replace(/\D/g, '');
    return [
      trimmed.startsWith('+') || digits.startsWith('00') ? digits.replace(/^00/, '') : digits,
    ];
  }
  return tokenizeGerman(trimmed).map((term) => (/^00\d/.test(term) ? term.slice(2) : term));
}

function clientEntries(client: ClientProfile, clientIndex: number): Entry[] {
  const nameWords = tokenizeGerman(client.name);
  const entries: Entry[] = [
    {
      clientIndex,
      kind: 'client',
      id: client.id,
      words: [...nameWords, ...client.lines.flatMap(numberWords)],
    },
  ];
  for (const member of client.staff) {
    const text = [
      member.name,
      member.function,
      member.absenceNote ?? '',
      ...member.callbackWindows,
    ];
    entries.push({
      clientIndex,
      kind: 'staff',
      id: member.id,
      words: [
        ...nameWords,
        ...tokenizeGerman(text.join(' ')),
        ...targetWords(member.transferTarget),
      ],
    });
  }
  for (const approved of client.approvedTexts) {
    entries.push({
      clientIndex,
      kind: 'text',
      id: approved.id,
      words: [
        ...nameWords,
        ...tokenizeGerman([approved.title, ...approved.tags, approved.text].join(' ')),
      ],
    });
  }
  return entries;
}

function collect(
  clients: readonly ClientProfile[],
  entries: readonly Entry[],
  matched: Iterable<number>,
): DirectoryMatch[] {
  const byClient = new Map<number, DirectoryMatch>();
  // Entries are stored in client order (client, its staff, its texts): sorting keeps that order.
  for (const entryIndex of [...matched].sort((left, right) => left - right)) {
    const entry = entries[entryIndex]!;
    let match = byClient.get(entry.clientIndex);
    if (!match) {
      match = { clientId: clients[entry.clientIndex]!.id, whole: false, staffIds: [], textIds: [] };
      byClient.set(entry.clientIndex, match);
    }
    if (entry.kind === 'client') match.whole = true;
    else if (entry.kind === 'staff') match.staffIds.push(entry.id);
    else match.textIds.push(entry.id);
  }
  return [...byClient.values()];
}

function everything(clients: readonly ClientProfile[]): DirectoryMatch[] {
  return clients.map((client) => ({
    clientId: client.id,
    whole: true,
    staffIds: client.staff.map((member) => member.id),
    textIds: client.approvedTexts.map((text) => text.id),
  }));
}

/** First index in the sorted `words` that is not below `term`. */
function lowerBound(words: readonly string[], term: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle]! < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function buildDirectoryIndex(clients: readonly ClientProfile[]): DirectorySearch {
  const entries = clients.flatMap(clientEntries);
  const postingsByWord = new Map<string, number[]>();
  entries.forEach((entry, entryIndex) => {
    for (const word of new Set(entry.words)) {
      const postings = postingsByWord.get(word);
      if (postings) postings.push(entryIndex);
      else postingsByWord.set(word, [entryIndex]);
    }
  });
  const words = [...postingsByWord.keys()].sort();
  const postings = words.map((word) => Uint32Array.from(postingsByWord.get(word)!));
  // Per entry: how many terms of the current query it has matched so far.
  const termsMatched = new Uint16Array(entries.length);

  return {
    search(query) {
      const terms = queryTerms(query);
      if (terms.length === 0) return everything(clients);
      termsMatched.fill(0);
      let matched: number[] = [];
      terms.forEach((term, termIndex) => {
        const next: number[] = [];
        for (let index = lowerBound(words, term); index < words.length; index += 1) {
          if (!words[index]!.startsWith(term)) break;
          for (const entryIndex of postings[index]!) {
            // Counting up only from this term's count keeps an entry once per term.
            if (termsMatched[entryIndex] !== termIndex) continue;
            termsMatched[entryIndex] = termIndex + 1;
            next.push(entryIndex);
          }
        }
        matched = next;
      });
      return collect(clients, entries, matched);
    },
  };
}

/** The same answers as the index by scanning every entry: the baseline for tests and benchmark. */
export function naiveDirectorySearch(clients: readonly ClientProfile[]): DirectorySearch {
  const entries = clients.flatMap(clientEntries);
  return {
    search(query) {
      const terms = queryTerms(query);
      if (terms.length === 0) return everything(clients);
      const matched: number[] = [];
      entries.forEach((entry, entryIndex) => {
        if (terms.every((term) => entry.words.some((word) => word.startsWith(term)))) {
          matched.push(entryIndex);
        }
      });
      return collect(clients, entries, matched);
    },
  };
}
