// Electron's security checklist, checked on the options object (no Electron binary needed).
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppUrl, mainWindowOptions } from '../../../src/main/electron/window-options';
import { isVettedExternalUrl } from '../../../src/main/security/external-url';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/dist/main/preload.cjs').webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures ?? '').toBe('');
  });

  it('keeps developer tools off unless asked for explicitly', () => {
    expect(prefs.devTools).toBe(process.env.PLI_DEVTOOLS === '1');
  });

  it('loads Pli from its own scheme, never file://', () => {
    expect(APP_ENTRY).toBe('pli://app/index.html');
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('pli://app/#/journal')).toBe(true);
    expect(isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('pli://other/index.html')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only Pli’s own scripts and connections, nothing inline or framed', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

describe('external links', () => {
  it('opens only https pages and mailto addresses', () => {
    expect(isVettedExternalUrl('https://www.service-public.fr/')).toBe(true);
    expect(isVettedExternalUrl('mailto:facturation@ehpad-tilleuls.fr')).toBe(true);
    expect(isVettedExternalUrl('http://example.org/')).toBe(false);
    expect(isVettedExternalUrl('file:///C:/Windows/System32/cmd.exe')).toBe(false);
    expect(isVettedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isVettedExternalUrl('smb://serveur/partage')).toBe(false);
    expect(isVettedExternalUrl('https://user:pass@example.org/')).toBe(false);
    expect(isVettedExternalUrl('mailto:')).toBe(false);
    expect(isVettedExternalUrl('pas une adresse')).toBe(false);
  });
});
