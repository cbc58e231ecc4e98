import { describe, expect, it } from 'vitest';
import { denyAllPermissions, hardenWebContents, isAppUrl, openExternalSafely } from './security';
import { createFakeElectron, FakeWebContents, navigationEvent } from './testing/fakes';

describe('isAppUrl', () => {
  it('accepts only app://waypoint', () => {
    expect(isAppUrl('app://waypoint/index.html')).toBe(true);
    expect(isAppUrl('app://waypoint')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://waypoint.evil.example/',
      'app://evil/',
      'app://waypoint:81/',
      'app://user:pw@waypoint/',
      'http://waypoint/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('openExternalSafely', () => {
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com/',
    'mailto:a@b.c',
    'app://waypoint/',
    'https://user:pw@example.com/',
    'nonsense',
  ])('refuses %s', async (url) => {
    const { shell } = createFakeElectron();
    expect(await openExternalSafely(shell, url)).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('opens plain https links', async () => {
    const { shell } = createFakeElectron();
    expect(await openExternalSafely(shell, 'https://example.com/docs?q=1')).toBe(true);
    expect(shell.opened).toEqual(['https://example.com/docs?q=1']);
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const fake = createFakeElectron();
    const contents = new FakeWebContents();
    hardenWebContents(contents, fake.shell);
    return { contents, shell: fake.shell };
  }

  it('prevents navigation and redirects to any other origin', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/', 'javascript:alert(1)']) {
        const nav = navigationEvent(url);
        contents.emit(event, nav);
        expect(nav.prevented, `${event} ${url}`).toBe(true);
      }
      const home = navigationEvent('app://waypoint/index.html');
      contents.emit(event, home);
      expect(home.prevented).toBe(false);
    }
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = hardened();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('denies every window.open, sending only https links to the system browser', async () => {
    const { contents, shell } = hardened();
    const open = contents.openHandler;
    if (open === null) throw new Error('no window open handler');
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://waypoint/index.html' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://example.com/']);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const { session } = createFakeElectron();
    denyAllPermissions(session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      session.requestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(session.checkHandler?.({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
  });
});
