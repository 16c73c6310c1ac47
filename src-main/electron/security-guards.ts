import type { Session, Shell, WebContents } from 'electron';
import type { Logger } from 'pino';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { isAppUrl, isExternalWebUrl } from './window-options';

/**
 * Session-wide rules: every permission (camera, notifications, geolocation…)
 * is refused, and every response carries the renderer's CSP, whichever
 * protocol served it.
 */
export function hardenSession(session: Session, logger: Logger): void {
  const log = logger.child({ module: 'electron-security' });

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}

/**
 * Rules for every web contents: it never navigates away from app://, never
 * opens a window, never attaches a webview. An http(s) link the user
 * follows opens in the system browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  shell: Shell,
  logger: Logger,
): void {
  const log = logger.child({ module: 'electron-security' });

  const openOutside = (url: string) => {
    if (!isExternalWebUrl(url)) {
      log.warn({ protocol: safeProtocol(url) }, 'navigation refused');
      return;
    }
    // Only http(s) addresses get here (isExternalWebUrl), never file: or a custom scheme.
    const opening = shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    opening.catch((error: unknown) => {
      log.warn({ err: error }, 'could not open link in the system browser');
    });
  };

  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only the scheme of a refused URL is logged; the rest may hold personal data. */
function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'unparseable';
  }
}
