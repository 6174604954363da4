// The one Api the UI uses: over the Electron preload's bridge when there is one, else over HTTP (browser mode).
import { createApiClient } from '../../shared/api-client.ts';
import type { Bridge } from '../../shared/bridge.ts';
import { createHttpBridge } from './http-bridge.ts';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

function browserModeToken(): string {
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) throw new Error('Open the address that "exhibit-desk serve" printed, with its token.');
  return token;
}

export const bridge: Bridge = window.bridge ?? createHttpBridge(browserModeToken());
export const api = createApiClient(bridge);
