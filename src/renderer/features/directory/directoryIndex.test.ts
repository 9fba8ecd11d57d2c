import { describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, DEMO_LAW_FIRM } from '../../../shared/demo/demoClients';
import {
  buildDirectoryIndex,
  naiveDirectorySearch,
  numberWords,
  queryTerms,
} from './directoryIndex';
import { syntheticClients } from './testing/syntheticClients';

const index = buildDirectoryIndex(DEMO_CLIENTS);
const clientIds = (query: string) => index.search(query).map((match) => match.clientId);

describe('directory search', () => {
  it('lists every client whole for an empty query', () => {
    const all = index.search('  ');
    expect(all.map((match) => match.clientId)).toEqual(DEMO_CLIENTS.map((client) => client.id));
    expect(all.every((match) => match.whole)).toBe(true);
  });

  it('finds a client by the start of a name word, umlauts folded both ways', () => {
    expect(clientIds('brandt')).toEqual([DEMO_LAW_FIRM.id]);
    expect(clientIds('Rechtsanwä')).toContain(DEMO_LAW_FIRM.id);
    expect(clientIds('Rechtsanwae')).toContain(DEMO_LAW_FIRM.id);
    expect(index.search('Kanzlei Brandt')[0]).toMatchObject({ whole: true });
  });

  it('finds a line in every format people type', () => {
    for (const typed of [
      '+493023125101',
      '+49 30 23125101',
      '0049 30 2312-5101',
      '030 23125101',
      '030/2312 5101',
      '23125101',
      '2312510',
    ]) {
      const matches = index.search(typed);
      expect(
        matches.map((match) => match.clientId),
        typed,
      ).toEqual([DEMO_LAW_FIRM.id]);
      expect(matches[0]!.whole, typed).toBe(true);
    }
    expect(clientIds('+49 30 99999999')).toEqual([]);
  });

  it('finds staff by name, function and extension, with the client name as context', () => {
    const member = DEMO_LAW_FIRM.staff[0]!;
    const lastName = member.name.split(' ').at(-1)!;
    const byName = index.search(lastName);
    expect(byName.find((match) => match.clientId === DEMO_LAW_FIRM.id)?.staffIds).toContain(
      member.id,
    );
    const withClient = index.search(`Okafor ${member.function.split(' ')[0]}`);
    expect(withClient[0]?.staffIds).toContain(member.id);
    expect(index.search('2001')[0]?.staffIds).toEqual([member.id]);
  });

  it('finds approved texts by a word of their text or tags', () => {
    const match = index
      .search('öffnungszeiten kanzlei')
      .find((entry) => entry.clientId === DEMO_LAW_FIRM.id);
    expect(match?.textIds).toContain('law-opening-hours');
    expect(match?.whole).toBe(false);
  });

  it('requires every term (AND), and finds nothing for nonsense', () => {
    expect(clientIds('brandt xylophon')).toEqual([]);
    expect(clientIds('qqqq')).toEqual([]);
  });

  it('reads a number-only query as one digit term and plain words as folded words', () => {
    expect(queryTerms('+49 (30) 2312-5101')).toEqual(['493023125101']);
    expect(queryTerms('0049 30 2312')).toEqual(['49302312']);
    expect(queryTerms('Müller Frist')).toEqual(['mueller', 'frist']);
    expect(numberWords('+493023125101')).toEqual(['493023125101', '03023125101', '23125101']);
  });

  it('gives exactly the naive scan’s answers on a large directory', () => {
    const clients = syntheticClients(60, 30, 10);
    const fast = buildDirectoryIndex(clients);
    const naive = naiveDirectorySearch(clients);
    for (const query of [
      'müller',
      'mueller',
      'Praxis Becker',
      'sekretariat anna',
      '030 2300',
      '+49 30 4000',
      'frist',
      'notdienst unterlagen',
      'mo',
      'x',
      'yilmaz',
      '4000010',
      '',
    ]) {
      expect(fast.search(query), query).toEqual(naive.search(query));
    }
  });
});
