// The one Api the UI uses: over the Electron preload's bridge when there is one, else over HTTP (browser mode).
import { createApiClient } from '../../shared/api-client.ts';
import type { Bridge } from '../../shared/bridge.ts';
import { createHttpBridge } from './http-bridge.ts';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

const TOKEN_KEY = 'exhibit-desk-token';

/**
 * Browser mode's token arrives in the address's fragment (#token=…), which is never sent to any server nor in a
 * Referer. It is taken out of the address bar (and so out of history) at once, and kept for this tab only, so that a
 * reload still works.
 */
function browserModeToken(): string {
  const fragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fragment) {
    sessionStorage.setItem(TOKEN_KEY, fragment);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fragment;
  }
  const kept = sessionStorage.getItem(TOKEN_KEY);
  if (!kept) throw new Error('Open the address that "exhibit-desk serve" printed, with its token.');
  return kept;
}

export const bridge: Bridge = window.bridge ?? createHttpBridge(browserModeToken());
export const api = createApiClient(bridge);
