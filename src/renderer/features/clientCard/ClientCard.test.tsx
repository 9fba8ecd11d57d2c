import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { DEMO_LAW_FIRM } from '../../../shared/demo/demoClients';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { PortalClientFake, TEST_USER } from '../notes/testing/portalClientFake';
import { ClientCard } from './ClientCard';
import type { StaffTransfer } from './StaffDirectory';

const LINE = DEMO_LAW_FIRM.lines[0]!;

function transferFake(available = true): StaffTransfer & { blind: ReturnType<typeof vi.fn> } {
  return {
    available,
    consulting: false,
    blind: vi.fn(async () => true),
    startAttended: vi.fn(async () => true),
    completeAttended: vi.fn(async () => true),
  };
}

function withProfile(profile: ClientProfile): PortalClientFake {
  const fake = new PortalClientFake();
  for (const line of profile.lines) fake.lookups.set(line, { kind: 'found', profile });
  return fake;
}

describe('client card', () => {
  it('shows the client, the greeting to read out and the instructions for the dialled line', async () => {
    renderWithDesk(<ClientCard line={LINE} />, withProfile(DEMO_LAW_FIRM));
    expect(await screen.findByRole('heading', { name: DEMO_LAW_FIRM.name })).toBeDefined();
    const greeting = screen.getByTestId('client-card-greeting').textContent;
    expect(greeting).toBe(
      DEMO_LAW_FIRM.greeting.trim().replace('{agentName}', TEST_USER.displayName),
    );
    expect(greeting).not.toContain('{');
    expect(screen.getByText(/Gewählte Nummer: 030 23125101/)).toBeDefined();
    expect(screen.getByTestId('client-card-open-state').textContent).toMatch(
      /^Jetzt (geöffnet|geschlossen)$/,
    );
    expect(screen.getByText(/Berufsgeheimnis/)).toBeDefined();
  });

  it('says "unknown line" with the number when no client has the line', async () => {
    renderWithDesk(<ClientCard line="+4930999999999" />, new PortalClientFake());
    const card = await screen.findByTestId('client-card-unknown');
    expect(within(card).getByRole('heading').textContent).toBe('Unbekannte Leitung');
    expect(card.textContent).toContain('030 999999999');
  });

  it('searches approved texts German-aware, also while a word is half typed', async () => {
    renderWithDesk(<ClientCard line={LINE} />, withProfile(DEMO_LAW_FIRM));
    const search = await screen.findByRole('searchbox', { name: 'Freigabetexte durchsuchen' });
    const titles = () =>
      [...document.querySelectorAll('.approved-texts summary')].map((node) => node.textContent);
    expect(titles()).toHaveLength(DEMO_LAW_FIRM.approvedTexts.length);
    fireEvent.change(search, { target: { value: 'Fristsache' } });
    await waitFor(() => expect(titles()[0]).toBe('Fristsachen'));
    fireEvent.change(search, { target: { value: 'kuendig' } });
    await waitFor(() => expect(titles()).toContain('Kündigung des Arbeitsverhältnisses erhalten'));
    fireEvent.change(search, { target: { value: 'xylophon' } });
    await waitFor(() => expect(screen.getByText(/Kein Freigabetext passt/)).toBeDefined());
  });

  it('transfers to a staff member with one click during a call', async () => {
    const transfer = transferFake();
    renderWithDesk(<ClientCard line={LINE} transfer={transfer} />, withProfile(DEMO_LAW_FIRM));
    const member = DEMO_LAW_FIRM.staff[1]!;
    fireEvent.click(
      await screen.findByRole('button', { name: `Direkt durchstellen: ${member.name}` }),
    );
    await waitFor(() => expect(transfer.blind).toHaveBeenCalledWith(member.transferTarget));
    expect(await screen.findByText(/Durchstellen an .* …/)).toBeDefined();
  });

  it('disables transfer buttons without a connected call', async () => {
    renderWithDesk(
      <ClientCard line={LINE} transfer={transferFake(false)} />,
      withProfile(DEMO_LAW_FIRM),
    );
    const buttons = await screen.findAllByRole('button', { name: /Direkt durchstellen/ });
    expect(buttons.every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByText(/während eines Gesprächs/)).toBeDefined();
  });

  it('renders hostile portal text as plain text, without bidi or zero-width characters', async () => {
    const hostile: ClientProfile = {
      ...DEMO_LAW_FIRM,
      name: '<img src=x onerror=alert(1)>Kanzlei\u202Eevil\u200B',
      greeting: '<script>alert(1)</script>Guten Tag',
    };
    renderWithDesk(<ClientCard line={LINE} />, withProfile(hostile));
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('<img src=x onerror=alert(1)>Kanzleievil');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByTestId('client-card-greeting').textContent).toContain('<script>');
  });
});
