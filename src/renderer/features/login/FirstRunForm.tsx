/**
 * First run of the embedded portal: the first account (an admin) and, checked by default, the
 * demo clients. The host refuses this once the portal has users.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstAccountRequestSchema } from '../../../shared/contract/services/portalService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { loginMessage } from './loginMessage';

export function FirstRunForm() {
  const { t } = useTranslation('login');
  const { client } = useAppEnvironment();
  const [userName, setUserName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [loadDemoData, setLoadDemoData] = useState(true);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(undefined);
    const request = { userName: userName.trim(), displayName, password, loadDemoData };
    const parsed = FirstAccountRequestSchema.safeParse(request);
    const fields = parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]));
    if (password !== repeat) fields.push('repeat');
    setInvalid(fields);
    if (fields.length > 0) {
      setMessage(password !== repeat ? t('firstRun.passwordMismatch') : t('firstRun.invalid'));
      return;
    }
    setBusy(true);
    const result = await client.portal.createFirstAccount(request);
    setBusy(false);
    const text = loginMessage(result, t);
    if (text) setMessage(text);
  };

  const invalidProps = (name: string) =>
    invalid.includes(name) ? { 'aria-invalid': true as const } : {};

  return (
    <form
      className="login-card"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="first-run-title"
    >
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <label>
        {t('userName')}
        <input
          name="userName"
          autoComplete="username"
          value={userName}
          onChange={(event) => setUserName(event.target.value)}
          aria-describedby="first-run-user-hint"
          {...invalidProps('userName')}
        />
      </label>
      <small id="first-run-user-hint">{t('firstRun.userNameHint')}</small>
      <label>
        {t('firstRun.displayName')}
        <input
          name="displayName"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          {...invalidProps('displayName')}
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-describedby="first-run-password-hint"
          {...invalidProps('password')}
        />
      </label>
      <small id="first-run-password-hint">{t('firstRun.passwordHint')}</small>
      <label>
        {t('firstRun.passwordRepeat')}
        <input
          name="passwordRepeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          {...invalidProps('repeat')}
        />
      </label>
      <label className="login-checkbox">
        <input
          type="checkbox"
          checked={loadDemoData}
          onChange={(event) => setLoadDemoData(event.target.checked)}
        />
        {t('firstRun.demoData')}
      </label>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : t('firstRun.submit')}
      </button>
    </form>
  );
}
