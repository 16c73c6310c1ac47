import type { DxerApi } from '../../shared/contract/contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the plain-Node host serves the page. */
    dxer?: DxerApi;
  }
}

let api: DxerApi | null = null;

/** The contract API: the preload's window.dxer in Electron, else the HTTP bridge. */
export function getApi(): DxerApi {
  api ??= window.dxer ?? createHttpBridge(window.location.origin);
  return api;
}
