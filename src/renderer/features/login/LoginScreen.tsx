/**
 * Shown instead of the call workspace while there is no portal session: connecting, the portal
 * failed to open, the first-run set-up of the embedded portal, or the login form.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalSessionState } from '../../../shared/contract/services/portalService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { FirstRunForm } from './FirstRunForm';
import { loginMessage } from './loginMessage';
import './login.css';

export function LoginScreen({ session }: { session: PortalSessionState | undefined }) {
  const { t } = useTranslation('login');
  const { stores } = useAppEnvironment();
  if (!session || session.status === 'starting') {
    return (
      <p className="login-connecting" role="status">
        {t('connecting')}
      </p>
    );
  }
  if (session.status === 'failed') {
    return (
      <div className="login-card" role="alert">
        <h2>{t('failed.title')}</h2>
        <p>{t(session.mode === 'embedded' ? 'failed.embedded' : 'failed.remote')}</p>
        <button type="button" onClick={() => stores.navigation.getState().showArea('settings')}>
          {t('failed.openSettings')}
        </button>
      </div>
    );
  }
  if (session.firstRun?.needsAccount) return <FirstRunForm />;
  return <LoginForm session={session} />;
}

function LoginForm({ session }: { session: PortalSessionState }) {
  const { t } = useTranslation('login');
  const { client } = useAppEnvironment();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    const result = await client.portal.login({ userName: userName.trim(), password });
    setBusy(false);
    const text = loginMessage(result, t);
    if (text) setMessage(text);
    else setPassword('');
  };

  return (
    <form
      className="login-card"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="login-title"
    >
      <h2 id="login-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p className="login-portal">
        {t(session.mode === 'embedded' ? 'portalEmbedded' : 'portalRemote')}
      </p>
      {session.endedReason === 'expired' || session.endedReason === 'revoked' ? (
        <p className="banner banner-warning">{t(session.endedReason)}</p>
      ) : null}
      {session.connection === 'offline' ? (
        <p className="banner banner-warning">{t('offline')}</p>
      ) : null}
      {session.sessionStorage === 'memory-only' ? (
        <p className="login-note">{t('memoryOnly')}</p>
      ) : null}
      <label>
        {t('userName')}
        <input
          name="userName"
          autoComplete="username"
          value={userName}
          onChange={(event) => setUserName(event.target.value)}
          required
          maxLength={64}
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
          maxLength={1024}
        />
      </label>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
