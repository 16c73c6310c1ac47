import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  WebPreferences,
} from 'electron';

export { contentSecurityPolicy } from '../security/content-security-policy';

/** The renderer's scheme and origin; pages from anywhere else get no contract access. */
export const appScheme = 'app';
export const appHost = 'dxer';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The web preferences of every window, per Electron's security checklist:
 * the page has no Node, runs sandboxed in its own JavaScript world, and
 * reaches main only through the preload's window.dxer.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // A middle click would open a link in a new window past the click handlers;
  // windows are refused anyway, this keeps the event from firing at all.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

/** Window options apart from geometry and the preload path, which main adds. */
export const baseWindowOptions = {
  minWidth: 960,
  minHeight: 600,
  show: false,
  backgroundColor: '#ffffff',
  title: 'DXER',
} as const satisfies BrowserWindowConstructorOptions;

/**
 * app:// is registered as standard and secure so the page gets a real origin
 * (storage, fetch, relative URLs) and counts as a secure context; it does not
 * bypass the CSP, and it serves only files from the built renderer.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    stream: true,
    codeCache: true,
  },
} as const satisfies CustomScheme;

/** Whether a URL is a page of our own app:// origin, by parsing it, not by its prefix. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Whether a link may be handed to the system browser: http or https only. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
