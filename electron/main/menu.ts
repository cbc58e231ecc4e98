import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/bridge';

export interface MenuOptions {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Delivers a command to the focused app window (no-op when there is none). */
  readonly sendCommand: (command: MenuCommand) => void;
}

/**
 * A menu item for an app-level command the renderer implements.
 *
 * `registerAccelerator: false` keeps the shortcut out of the OS accelerator table,
 * so the key press reaches the page like any other keydown: the renderer's own
 * handlers decide what Ctrl+Z means (undo in a text field vs. undo of the last
 * plan edit) and the same shortcuts work in browser mode, where there is no
 * menu. The menu still shows the accelerator and handles clicks.
 *
 * macOS caveat: registerAccelerator is ignored there (NSMenu key equivalents are
 * both label and binding). Chromium hands Cmd-key events to the focused page
 * first and only runs the menu item for keydowns the page did not
 * preventDefault(), so the renderer must call preventDefault() on every shortcut
 * it handles or the command arrives twice.
 */
function commandItem(
  label: string,
  accelerator: string,
  command: MenuCommand,
  send: MenuOptions['sendCommand'],
): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => send(command) };
}

export function buildMenuTemplate({ isPackaged, platform, sendCommand: send }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      commandItem('New Account', 'CmdOrCtrl+N', 'account:new', send),
      separator,
      // On macOS Quit lives in the application menu; File ends with Close there.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      commandItem('Undo', 'CmdOrCtrl+Z', 'edit:undo', send),
      commandItem('Redo', 'Shift+CmdOrCtrl+Z', 'edit:redo', send),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      commandItem('Find…', 'CmdOrCtrl+F', 'app:find', send),
      commandItem('Command Palette…', 'CmdOrCtrl+K', 'app:commandPalette', send),
    ],
  };

  // Reload and devtools help while developing but would only confuse (or expose) users.
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      commandItem('Toggle Dark Mode', 'CmdOrCtrl+Shift+D', 'view:toggleTheme', send),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...developer,
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about', label: 'About Waypoint' }],
  };

  return [...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []), file, edit, view, help];
}
