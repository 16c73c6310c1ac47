import { observer } from 'mobx-react-lite';
import { useState, type FormEvent } from 'react';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { LanguagePicker } from '../settings/LanguagePicker';

/** Login: username, password and, optionally, another server's address. */
export const LoginScreen = observer(function LoginScreen() {
  const { session } = useStores();
  const { t } = useTranslate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [serverUrl, setServerUrl] = useState('');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void session.login(username, password, serverUrl);
  };

  return (
    <main className="login">
      <form className="login-form" onSubmit={handleSubmit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label htmlFor="login-server">{t('login.serverUrl')}</label>
        <input
          id="login-server"
          name="serverUrl"
          type="url"
          inputMode="url"
          placeholder={session.serverUrl}
          aria-describedby="login-server-hint"
          value={serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
        />
        <p id="login-server-hint" className="field-hint">
          {t('login.serverUrlHint')}
        </p>
        <ErrorNotice error={session.error} />
        <button type="submit" className="primary" disabled={session.isBusy}>
          {session.isBusy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <LanguagePicker />
    </main>
  );
});
