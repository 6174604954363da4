// The app's own origins: the renderer is served from app://renderer, originals from vault://case. Nothing else is ours.

export const APP_SCHEME = 'app';
export const VAULT_SCHEME = 'vault';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function vaultUrl(sha256: string): string {
  return `${VAULT_SCHEME}://case/${sha256}`;
}

/** The app itself: the only origin trusted for IPC and for navigation. An original (vault://) is evidence, not app. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'renderer';
  } catch {
    return false;
  }
}

function isVaultUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${VAULT_SCHEME}:` && url.host === 'case';
  } catch {
    return false;
  }
}

/** A request the app may make: its own pages and originals, and in-memory data the renderer creates. */
export function isAllowedRequest(raw: string): boolean {
  return isAppUrl(raw) || isVaultUrl(raw) || raw.startsWith('blob:app://renderer/') || raw.startsWith('data:') || raw.startsWith('devtools://');
}
