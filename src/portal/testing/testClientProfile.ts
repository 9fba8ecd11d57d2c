/** Small valid client profiles for tests (the demo data lives in src/shared/demo). */
import type { ClientProfile } from '../../shared/domain/clientProfile';

export function testClientProfile(
  id: string,
  line: string,
  overrides: Partial<ClientProfile> = {},
): ClientProfile {
  return {
    id,
    name: `Testkanzlei ${id}`,
    lines: [line],
    greeting: `Testkanzlei ${id}, guten Tag`,
    workInstructions: 'Rückrufwünsche aufnehmen.',
    openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
    approvedTexts: [
      { id: 'hours', title: 'Öffnungszeiten', text: 'Mo 8–17 Uhr', tags: ['zeiten'] },
    ],
    staff: [],
    escalationRules: [],
    keywordAlerts: [],
    delivery: { portal: true, emailAddresses: [] },
    retention: { mode: 'keep-hours', hours: 24 },
    professionalSecrecy: true,
    language: 'de',
    ...overrides,
  };
}
