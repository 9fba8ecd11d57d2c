import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../app/state/appStore';
import { useAppEnvironment } from '../../app/AppEnvironment';
import {
  FAKE_PASSWORD,
  loggedInSession,
  PortalClientFake,
} from '../notes/testing/portalClientFake';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { LoginScreen } from './LoginScreen';
import { followPortalSession, rolesOfPortalRole } from './portalSessionStore';
import { usePortalSession } from './usePortalSession';

function LoginHarness() {
  const session = usePortalSession((view) => view.session);
  const { stores } = useAppEnvironment();
  const roles = useAppStore(stores.session, (state) => state.currentRoles);
  return (
    <>
      <span data-testid="roles">{roles.join(',')}</span>
      {session?.user ? (
        <p>angemeldet: {session.user.displayName}</p>
      ) : (
        <LoginScreen session={session} />
      )}
    </>
  );
}

function loggedOut(fake: PortalClientFake, overrides = {}) {
  fake.session = loggedInSession({ status: 'logged-out', user: null, ...overrides });
  return fake;
}

describe('login', () => {
  it('logs in, shows wrong passwords as such, and takes the roles from the portal user', async () => {
    const fake = loggedOut(new PortalClientFake());
    const { stores, environment } = renderWithDesk(<LoginHarness />, fake);
    act(() => void followPortalSession(environment.client, stores));
    await waitFor(() => expect(screen.getByTestId('roles').textContent).toBe(''));
    fireEvent.change(screen.getByLabelText('Benutzername'), { target: { value: 'anna.agent' } });
    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'falsch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('Benutzername oder Passwort ist falsch.')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: FAKE_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('angemeldet: Anna Agent')).toBeDefined();
    expect(screen.getByTestId('roles').textContent).toBe('agent');
  });

  it('says why the session ended and when it lasts only until the app closes', async () => {
    const fake = loggedOut(new PortalClientFake(), {
      endedReason: 'expired',
      sessionStorage: 'memory-only',
    });
    renderWithDesk(<LoginHarness />, fake);
    expect(await screen.findByText(/Ihre Sitzung ist abgelaufen/)).toBeDefined();
    expect(screen.getByText(/nur bis zum Beenden der Anwendung/)).toBeDefined();
  });

  it('offers the first-run set-up on an embedded portal without users', async () => {
    const fake = loggedOut(new PortalClientFake(), {
      firstRun: { needsAccount: true, canLoadDemoData: true },
    });
    renderWithDesk(<LoginHarness />, fake);
    expect(await screen.findByRole('heading', { name: 'Ersteinrichtung' })).toBeDefined();
    expect((screen.getByLabelText(/Demo-Daten laden/) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Benutzername'), { target: { value: 'A b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zugang anlegen und anmelden' }));
    expect(await screen.findByText('Bitte prüfen Sie die markierten Angaben.')).toBeDefined();
    expect(screen.getByLabelText('Benutzername').getAttribute('aria-invalid')).toBe('true');
  });

  it('maps portal roles onto the desk’s roles', () => {
    expect(rolesOfPortalRole('agent')).toEqual(['agent']);
    expect(rolesOfPortalRole('shift-lead')).toEqual(['agent', 'shiftLead']);
    expect(rolesOfPortalRole('admin')).toEqual(['agent', 'supervisor', 'shiftLead', 'admin']);
  });
});
