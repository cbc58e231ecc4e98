import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { APP_ORIGIN, MENU_COMMAND_CHANNEL, type MenuCommand } from '@shared/bridge';
import { createMain } from './app';
import { buildMenuTemplate } from './menu';
import { commandDef, MENU_COMMAND_IDS } from '@shared/commands';
import { MENU_LABELS, MENU_LANGUAGES, menuWords } from '@shared/menuLabels';
import { createFakeElectron, findMenuItem, type FakeElectronOptions } from './testing/fakes';

/** The app's own page, as the sender of an IPC call. */
const APP_PAGE = `${APP_ORIGIN}/index.html`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function started(options: FakeElectronOptions = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-menu-'));
  dirs.push(dir);
  const fake = createFakeElectron({ appPath: dir, userData: dir, ...options });
  await createMain(fake.deps).ready;
  const template = fake.menus[0];
  if (template === undefined) throw new Error('no application menu was set');
  return { fake, template };
}

function byLabel(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = findMenuItem(template, (i) => i.label === label);
  if (item === undefined) throw new Error(`no menu item "${label}"`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  // Our click handlers ignore Electron's (menuItem, window, event) arguments.
  (item.click as (() => void) | undefined)?.();
}

const COMMANDS: ReadonlyArray<[label: string, accelerator: string | undefined, command: MenuCommand]> = [
  ['New Account', 'CmdOrCtrl+N', 'account:new'],
  ['Undo', 'CmdOrCtrl+Z', 'edit:undo'],
  ['Redo', 'Shift+CmdOrCtrl+Z', 'edit:redo'],
  ['Find…', 'CmdOrCtrl+F', 'app:find'],
  ['Command Palette…', 'CmdOrCtrl+K', 'app:commandPalette'],
  ['Toggle Dark Mode', 'Shift+CmdOrCtrl+D', 'view:toggleTheme'],
  ['Keyboard Shortcuts', '?', 'help:shortcuts'],
  ['Import from CSV…', undefined, 'csv:import'],
];

describe('application menu', () => {
  it.each(COMMANDS)('"%s" (%s) sends %s to the focused window without registering the key', async (label, accelerator, command) => {
    const { fake, template } = await started();
    const item = byLabel(template, label);
    expect(item.accelerator).toBe(accelerator);
    if (accelerator !== undefined) expect(item.registerAccelerator).toBe(false);

    const other = new fake.deps.BrowserWindow({});
    fake.setFocused(fake.windows[1] ?? null);
    click(item);
    expect(fake.windows[1]?.webContents.sent).toEqual([{ channel: MENU_COMMAND_CHANNEL, args: [command] }]);
    expect(fake.windows[0]?.webContents.sent).toEqual([]);
    expect(other.isDestroyed()).toBe(false);
  });

  it("holds every command of the record that has a menu place, once, with the record's label", () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: () => undefined });
    for (const id of MENU_COMMAND_IDS) {
      const label = commandDef(id).menu?.label;
      const found: MenuItemConstructorOptions[] = [];
      findMenuItem(template, (i) => {
        if (i.label === label) found.push(i);
        return false;
      });
      expect(found, id).toHaveLength(1);
    }
    expect(COMMANDS.map(([, , id]) => id).sort()).toEqual([...MENU_COMMAND_IDS].sort());
  });

  it('falls back to the main window when no window has focus', async () => {
    const { fake, template } = await started();
    click(byLabel(template, 'Undo'));
    expect(fake.windows[0]?.webContents.sent).toEqual([{ channel: MENU_COMMAND_CHANNEL, args: ['edit:undo'] }]);
  });

  it('uses native roles for clipboard, zoom, fullscreen, quit and about', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: () => undefined });
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'about']) {
      expect(
        findMenuItem(template, (i) => i.role === role),
        role,
      ).toBeDefined();
    }
    expect(template.map((i) => i.label ?? i.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it.each(MENU_LANGUAGES)('speaks %s: every menu, command and role item labelled in that language', (language) => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: () => undefined, language });
    const words = MENU_LABELS[language];
    expect(template.map((i) => i.label)).toEqual([words.file, words.edit, words.view, words.help]);
    for (const id of MENU_COMMAND_IDS)
      expect(
        findMenuItem(template, (i) => i.label === words[id]),
        id,
      ).toBeDefined();
    for (const [role, word] of [
      ['cut', 'cut'],
      ['copy', 'copy'],
      ['paste', 'paste'],
      ['selectAll', 'selectAll'],
      ['quit', 'quit'],
      ['about', 'about'],
      ['togglefullscreen', 'fullScreen'],
    ] as const)
      expect(findMenuItem(template, (i) => i.role === role)?.label, role).toBe(words[word]);
  });

  it('keeps English words equal to the command record, and reads the pseudo-locale or an unknown tag as English', () => {
    for (const id of MENU_COMMAND_IDS) expect(MENU_LABELS.en[id]).toBe(commandDef(id).menu?.label);
    expect(menuWords('en-XA')).toBe(MENU_LABELS.en);
    expect(menuWords('fr')).toBe(MENU_LABELS.en);
  });

  it('is rebuilt in the language the renderer says (app:setLanguage), and refuses a language it does not know', async () => {
    const { fake } = await started();
    await fake.ipcMain.invoke('app:setLanguage', APP_PAGE, 'ru');
    expect(fake.menus.at(-1)?.map((i) => i.label)).toEqual(['&Файл', '&Правка', '&Вид', '&Справка']);
    await expect(fake.ipcMain.invoke('app:setLanguage', APP_PAGE, 'klingon')).rejects.toThrow();
    expect(fake.menus.at(-1)?.map((i) => i.label)).toEqual(['&Файл', '&Правка', '&Вид', '&Справка']);
  });

  it('offers reload and devtools only when not packaged', () => {
    const devtools = (isPackaged: boolean) =>
      findMenuItem(buildMenuTemplate({ isPackaged, platform: 'linux', sendCommand: () => undefined }), (i) => i.role === 'toggleDevTools');
    expect(devtools(false)).toBeDefined();
    expect(devtools(true)).toBeUndefined();
    const reload = findMenuItem(
      buildMenuTemplate({ isPackaged: true, platform: 'win32', sendCommand: () => undefined }),
      (i) => i.role === 'reload',
    );
    expect(reload).toBeUndefined();
  });

  it('follows macOS conventions: app menu first, Close instead of Quit in File', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'darwin', sendCommand: () => undefined });
    expect(template[0]?.role).toBe('appMenu');
    expect(findMenuItem(template, (i) => i.role === 'quit')).toBeUndefined();
    expect(findMenuItem(template, (i) => i.role === 'close')).toBeDefined();
  });
});
