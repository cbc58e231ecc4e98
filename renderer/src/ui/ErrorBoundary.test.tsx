// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile({ label }: { label: string }) {
  if (broken) throw new TypeError("Cannot read properties of undefined (reading 'tags')");
  return createElement('p', null, `fine: ${label}`);
}

let root: Root | null = null;
let host: HTMLElement;
const render = (resetKey: string, size: 'page' | 'panel' | 'inline' = 'panel') =>
  act(() =>
    root!.render(
      createElement(ErrorBoundary, {
        area: 'The stakeholder map',
        resetKey,
        size,
        actions: createElement('button', null, 'Open Sync & backups'),
        children: createElement(Fragile, { label: resetKey }),
      }),
    ),
  );

beforeAll(async () => {
  await initI18n();
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  broken = true;
});

describe('ErrorBoundary', () => {
  it('keeps a failing part from taking the app down: a calm message, no data changed, ways out', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await render('a');
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('The stakeholder map could not be shown');
    expect(alert?.textContent).toContain('Nothing was changed');
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Try again', 'Open Sync & backups']);
    expect(alert?.querySelector('pre')?.textContent).toContain("reading 'tags'");
  });

  it('"Try again" renders the part again, and a new reset key (another route) clears the error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    host = document.createElement('div');
    root = createRoot(host);
    await render('a');
    broken = false;
    await act(() => (host.querySelector('button') as HTMLButtonElement).click());
    expect(host.textContent).toBe('fine: a');
    broken = true;
    await render('b');
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    broken = false;
    await render('c');
    expect(host.textContent).toBe('fine: c');
  });

  it('an inline boundary is one quiet line', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    host = document.createElement('div');
    root = createRoot(host);
    await render('a', 'inline');
    expect(host.querySelector('[role="alert"]')?.textContent?.trim()).toBe('The stakeholder map could not be shown.');
  });
});
