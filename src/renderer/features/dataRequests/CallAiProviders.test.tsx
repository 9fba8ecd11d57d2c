/** Issue 13: the call card names the AI providers a call's data may go to, per client. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { DEMO_LAW_FIRM, DEMO_PLUMBING_BUSINESS } from '../../../shared/demo/demoClients';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { PortalClientFake } from '../notes/testing/portalClientFake';
import { CallAiProviders } from './CallAiProviders';

function withProfile(profile: ClientProfile): PortalClientFake {
  const fake = new PortalClientFake();
  for (const line of profile.lines) fake.lookups.set(line, { kind: 'found', profile });
  return fake;
}

describe('call AI providers line', () => {
  it('says "none" for a professional-secrecy client without an allow-list', async () => {
    const { aiProviders: _consent, ...secrecy } = DEMO_LAW_FIRM;
    renderWithDesk(<CallAiProviders line={secrecy.lines[0]!} />, withProfile(secrecy));
    expect((await screen.findByTestId('call-ai-providers')).textContent).toBe(
      'KI-Anbieter für diesen Anruf: keine – Audio und Gesprächstext bleiben auf diesem Arbeitsplatz',
    );
  });

  it('names both providers for a normal client', async () => {
    renderWithDesk(
      <CallAiProviders line={DEMO_PLUMBING_BUSINESS.lines[0]!} />,
      withProfile(DEMO_PLUMBING_BUSINESS),
    );
    expect((await screen.findByTestId('call-ai-providers')).textContent).toContain(
      'Deepgram (Transkription), OpenAI (Sprachmodell)',
    );
  });
});
