/**
 * A large, deterministic directory for the search tests and the benchmark: `count` clients with
 * `staffPerClient` staff and `textsPerClient` approved texts each, built on the demo law firm's
 * shape. Fictional names; numbers in the +49 30 2312 range reserved for film and TV.
 */
import type { ClientProfile } from '../../../../shared/domain/clientProfile';
import { DEMO_LAW_FIRM } from '../../../../shared/demo/demoClients';

const FIRST_NAMES = ['Anna', 'Jörg', 'Petra', 'Murat', 'Sabine', 'Lukas', 'Özlem', 'Henrik'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Weißer', 'Yılmaz', 'Becker', 'Hoffmann', 'Krüger'];
const FUNCTIONS = ['Rechtsanwältin', 'Sekretariat', 'Buchhaltung', 'Praxisleitung', 'Meister'];
const KINDS = ['Kanzlei', 'Praxis', 'Sanitär', 'Steuerbüro', 'Hausverwaltung'];
const TOPICS = ['Termin', 'Frist', 'Rechnung', 'Notdienst', 'Rezept', 'Anfahrt', 'Unterlagen'];

export function syntheticClients(
  count: number,
  staffPerClient = 30,
  textsPerClient = 10,
): ClientProfile[] {
  return Array.from({ length: count }, (_, clientIndex) => {
    const pick = <T>(list: readonly T[], offset: number): T =>
      list[(clientIndex * 7 + offset) % list.length]!;
    const line = `+4930${String(23_000_000 + clientIndex * 2).padStart(8, '0')}`;
    return {
      ...DEMO_LAW_FIRM,
      id: `client-${clientIndex}`,
      name: `${pick(KINDS, 0)} ${pick(LAST_NAMES, 1)} ${clientIndex}`,
      lines: [line],
      staff: Array.from({ length: staffPerClient }, (_, staffIndex) => ({
        id: `client-${clientIndex}-staff-${staffIndex}`,
        name: `${pick(FIRST_NAMES, staffIndex)} ${pick(LAST_NAMES, staffIndex * 3)}`,
        function: pick(FUNCTIONS, staffIndex),
        transferTarget: `+4930${String(40_000_000 + clientIndex * 100 + staffIndex)}`,
        presence: (['present', 'absent', 'busy', 'unknown'] as const)[staffIndex % 4]!,
        callbackWindows: [`Mo–Fr ${8 + (staffIndex % 8)}:00–${9 + (staffIndex % 8)}:00`],
      })),
      approvedTexts: Array.from({ length: textsPerClient }, (_, textIndex) => {
        const topic = pick(TOPICS, textIndex);
        return {
          id: `client-${clientIndex}-text-${textIndex}`,
          title: `${topic} ${textIndex}`,
          text: `Zum Thema ${topic} gilt: Wir melden uns innerhalb eines Werktags. Bitte halten Sie Ihre Unterlagen bereit; Fristen nennt Ihnen die zuständige Person.`,
          tags: [topic.toLowerCase()],
        };
      }),
    };
  });
}
