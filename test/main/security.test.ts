import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { isAllowedRequest, isAppUrl } from '../../electron/main/app-origin.ts';
import { hardenContents, hardenSession } from '../../electron/main/security.ts';
import { windowOptions } from '../../electron/main/window-options.ts';

type Handler = (...args: any[]) => any;

/** Records what the code under test installs on a session, so the handlers themselves can be called. */
function recordingSession() {
  const installed: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (installed.permissionRequest = h),
    setPermissionCheckHandler: (h: Handler) => (installed.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => (installed.devicePermission = h),
    webRequest: { onBeforeRequest: (h: Handler) => (installed.beforeRequest = h) },
    on: (event: string, h: Handler) => (installed[event] = h),
  };
  return { session: session as unknown as Session, installed };
}

function recordingContents() {
  const installed: Record<string, Handler> = {};
  const contents = {
    setWindowOpenHandler: (h: Handler) => (installed.windowOpen = h),
    on: (event: string, h: Handler) => (installed[event] = h),
  };
  return { contents: contents as unknown as WebContents, installed };
}

function prevented(handler: Handler, ...args: unknown[]): boolean {
  let stopped = false;
  handler({ preventDefault: () => (stopped = true) }, ...args);
  return stopped;
}

describe('the window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const prefs = windowOptions('/app/preload.cjs', { width: 1440, height: 900 }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('the session', () => {
  const { session, installed } = recordingSession();
  hardenSession(session);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      installed.permissionRequest!(null, permission, (g: boolean) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(installed.permissionCheck!(null, permission)).toBe(false);
    }
    expect(installed.devicePermission!({})).toBe(false);
  });

  it('cancels every request that is not the app’s own', () => {
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      installed.beforeRequest!({ url }, (a: { cancel: boolean }) => (answer = a));
      return answer!.cancel;
    };
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://localhost/', 'ftp://x/', 'app://evil/index.html', 'vault://other/abc']) {
      expect(cancelled(url), url).toBe(true);
    }
    for (const url of ['app://renderer/index.html', 'app://renderer/pdf.worker.mjs', `vault://case/${'a'.repeat(64)}`, 'blob:app://renderer/1234', 'data:image/png;base64,AA==']) {
      expect(cancelled(url), url).toBe(false);
    }
  });

  it('refuses downloads', () => {
    expect(prevented(installed['will-download']!)).toBe(true);
  });
});

describe('every web contents', () => {
  const { contents, installed } = recordingContents();
  hardenContents(contents);

  it('opens no new windows', () => {
    expect(installed.windowOpen!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(installed.windowOpen!({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
  });

  it('never navigates or redirects away from the app, and attaches no webview', () => {
    expect(prevented(installed['will-navigate']!, 'https://example.com/')).toBe(true);
    expect(prevented(installed['will-navigate']!, 'file:///home/')).toBe(true);
    expect(prevented(installed['will-navigate']!, 'app://renderer/index.html')).toBe(false);
    // An original is evidence from outside: never a place the window goes, even the open case's own.
    expect(prevented(installed['will-navigate']!, `vault://case/${'a'.repeat(64)}`)).toBe(true);
    expect(prevented(installed['will-redirect']!, 'http://localhost/')).toBe(true);
    expect(prevented(installed['will-attach-webview']!)).toBe(true);
  });
});

describe('app origins', () => {
  it('are only app://renderer and vault://case, and only the app is trusted', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl(`vault://case/${'a'.repeat(64)}`)).toBe(false);
    expect(isAllowedRequest(`vault://case/${'a'.repeat(64)}`)).toBe(true);
    expect(isAllowedRequest('app://renderer/x')).toBe(true);
    expect(isAllowedRequest('app://renderer.evil/x')).toBe(false);
    expect(isAllowedRequest('not a url')).toBe(false);
  });
});
