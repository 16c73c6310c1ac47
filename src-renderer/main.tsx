import './zod-setup';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getApi } from './api/get-api';
import { App } from './app/App';
import { StoresProvider } from './app/stores-context';
import { applyLanguage, createI18n } from './i18n/i18n';
import { RootStore } from './stores/root-store';

/** Starts the renderer: translations, stores, then the React tree. */
async function start() {
  const i18n = await createI18n();
  const stores = new RootStore(getApi(), (language) => applyLanguage(i18n, language));
  stores.start();

  // Closing the window must not lose the last keystrokes.
  window.addEventListener('pagehide', () => void stores.editor.flush());

  const container = document.getElementById('root');
  if (!container) throw new Error('Invariant failed: #root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoresProvider value={stores}>
          <App />
        </StoresProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
