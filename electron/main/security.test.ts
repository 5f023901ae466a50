import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkSender,
  CONTENT_SECURITY_POLICY,
  guardSession,
  guardWebContents,
  isAllowedExternalUrl,
  secureWebPreferences,
} from './security';

const RENDERER_PATH = '/opt/MFA Tray/resources/app.asar/renderer/dist/index.html';
const RENDERER = 'file:///opt/MFA%20Tray/resources/app.asar/renderer/dist/index.html';
const log = {
  warnings: [] as string[],
  warn(message: string) {
    this.warnings.push(message);
  },
};

describe('window security', () => {
  it('isolates, sandboxes and strips Node from every window, with dev tools only in development', () => {
    for (const development of [false, true]) {
      expect(secureWebPreferences('/p/preload.cjs', development)).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: development,
        preload: '/p/preload.cjs',
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      });
    }
  });

  it('denies window.open, blocks navigation and webviews', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    const contents = {
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      on: (name: string, handler: (event: { preventDefault(): void }, url: string) => void) =>
        handlers.set(name, handler),
      getURL: () => RENDERER,
    };
    guardWebContents(contents as never, log, (url) => opened.push(url));
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'https://console.aws.amazon.com/iam/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://console.aws.amazon.com/iam/']);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(name)!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, name).toBe(true);
    }
  });

  it('opens only https URLs to the hosts we link to', () => {
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/codecommit/')).toBe(true);
    for (const url of [
      'http://docs.aws.amazon.com/',
      'file:///etc/passwd',
      'https://aws.amazon.com.evil.example/',
      'https://user:pw@github.com/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('denies permissions, cancels network requests and sets a strict CSP header', () => {
    type Callback = (response: Record<string, unknown>) => void;
    let beforeRequest: ((details: { url: string }, callback: Callback) => void) | undefined;
    let headers: ((details: { responseHeaders?: Record<string, string[]> }, callback: Callback) => void) | undefined;
    let permission: ((contents: unknown, name: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    guardSession(
      {
        setPermissionRequestHandler: (handler: typeof permission) => (permission = handler),
        setPermissionCheckHandler: (handler: typeof check) => (check = handler),
        webRequest: {
          onBeforeRequest: (handler: typeof beforeRequest) => (beforeRequest = handler),
          onHeadersReceived: (handler: typeof headers) => (headers = handler),
        },
      } as never,
      log,
      false,
    );
    const granted: boolean[] = [];
    permission!(undefined, 'media', (value) => granted.push(value));
    expect(granted).toEqual([false]);
    expect(check!()).toBe(false);
    const decisions: unknown[] = [];
    for (const url of [RENDERER, 'https://example.com/x.js', 'devtools://devtools/bundled/x.html'])
      beforeRequest!({ url }, (response) => decisions.push(response.cancel));
    expect(decisions).toEqual([false, true, true]);
    let sent: Record<string, unknown> = {};
    headers!({ responseHeaders: {} }, (response) => (sent = response));
    const csp = (sent.responseHeaders as Record<string, string[]>)['Content-Security-Policy']![0]!;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the same CSP in the renderer page, but for frame-ancestors, which a meta tag cannot carry', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((directive) => directive.trim())
        .filter(Boolean)
        .sort();
    expect(meta, 'the page has a CSP meta tag').toBeDefined();
    expect(directives(meta!)).toEqual(
      directives(CONTENT_SECURITY_POLICY).filter((directive) => !directive.startsWith('frame-ancestors ')),
    );
  });
});

describe('the IPC sender check', () => {
  const ours = new Set([4, 5]);
  it('trusts our windows showing our renderer, whatever the hash route', () => {
    expect(checkSender({ id: 4 }, `${RENDERER}#/token-dialog`, ours, RENDERER_PATH, 'linux')).toEqual({
      trusted: true,
      senderId: 4,
    });
  });
  it.each([
    // Chromium leaves `~` and `[]` as they are where Node's pathToFileURL escapes them (%7E, %5B%5D).
    [
      'a home folder with ~ and brackets',
      'linux',
      '/home/a~b/[apps]/MFA Tray/index.html',
      'file:///home/a~b/[apps]/MFA%20Tray/index.html',
    ],
    [
      'the same path escaped',
      'linux',
      '/home/a~b/[apps]/MFA Tray/index.html',
      'file:///home/a%7Eb/%5Bapps%5D/MFA%20Tray/index.html',
    ],
    [
      'a Windows path in another drive-letter case',
      'win32',
      'C:\\Users\\Ana Díaz\\AppData\\Local\\Programs\\mfa-tray\\index.html',
      'file:///c:/Users/Ana%20D%C3%ADaz/AppData/Local/Programs/mfa-tray/index.html#/dashboard',
    ],
    [
      'a macOS bundle',
      'darwin',
      '/Applications/MFA Tray.app/Contents/Resources/app.asar/renderer/dist/index.html',
      'file:///Applications/MFA%20Tray.app/Contents/Resources/app.asar/renderer/dist/index.html?x#/wizard',
    ],
  ] as const)('trusts our renderer in %s', (_name, platform, path, url) => {
    expect(checkSender({ id: 5 }, url, ours, path, platform)).toEqual({ trusted: true, senderId: 5 });
  });
  it.each([
    ['a foreign webContents', 9, RENDERER],
    ['a remote page in our window', 4, 'https://evil.example/index.html'],
    ['another local file', 5, 'file:///tmp/evil.html'],
    ['a file URL with a host', 5, 'file://evil/opt/MFA%20Tray/resources/app.asar/renderer/dist/index.html'],
    ['a frame without URL', 4, undefined],
    ['a sibling file of our renderer', 4, 'file:///opt/MFA%20Tray/resources/app.asar/renderer/dist/other.html'],
    [
      'a path that only normalizes to ours',
      4,
      'file:///opt/MFA%20Tray/resources/app.asar/renderer/dist/x/..%2Findex.html',
    ],
  ])('rejects %s with a reason', (_name, id, url) => {
    const check = checkSender({ id }, url, ours, RENDERER_PATH, 'linux');
    expect(check.trusted).toBe(false);
    expect(check.trusted === false && check.reason.length).toBeGreaterThan(10);
  });
});
