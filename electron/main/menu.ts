import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, commandDef, MENU_COMMAND_IDS, type MenuCommand, type MenuPlace } from '@shared/commands';
import { menuWords } from '@shared/menuLabels';

export interface MenuOptions {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Delivers a command to the focused app window (no-op when there is none). */
  readonly sendCommand: (command: MenuCommand) => void;
  /** The app's language (the renderer says it: `app:setLanguage`); English until it does. */
  readonly language?: string;
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
function commandItem(command: MenuCommand, send: MenuOptions['sendCommand'], words: Words): MenuItemConstructorOptions {
  const def = commandDef(command);
  const shortcut = def.shortcuts?.[0];
  return {
    label: words[command],
    ...(shortcut ? { accelerator: accelerator(shortcut), registerAccelerator: false } : {}),
    click: () => send(command),
  };
}

/** Every command of shared/commands.ts placed in `menu`, in the record's order. */
type Words = ReturnType<typeof menuWords>;

const commandsIn = (
  menu: MenuPlace['menu'],
  send: MenuOptions['sendCommand'],
  words: Words,
  except: readonly MenuCommand[] = [],
): MenuItemConstructorOptions[] =>
  MENU_COMMAND_IDS.filter((id) => commandDef(id).menu?.menu === menu && !except.includes(id)).map((id) => commandItem(id, send, words));

/** Undo and redo head the Edit menu; the record's other Edit commands follow the clipboard roles. */
const HISTORY: readonly MenuCommand[] = ['edit:undo', 'edit:redo'];

export function buildMenuTemplate({ isPackaged, platform, sendCommand: send, language = 'en' }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const w = menuWords(language);
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: w.file,
    submenu: [
      ...commandsIn('file', send, w),
      separator,
      // On macOS Quit lives in the application menu; File ends with Close there.
      isMac ? { role: 'close', label: w.close } : { role: 'quit', label: w.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: w.edit,
    submenu: [
      ...HISTORY.map((id) => commandItem(id, send, w)),
      separator,
      { role: 'cut', label: w.cut },
      { role: 'copy', label: w.copy },
      { role: 'paste', label: w.paste },
      { role: 'selectAll', label: w.selectAll },
      separator,
      ...commandsIn('edit', send, w, HISTORY),
    ],
  };

  // Reload and devtools help while developing but would only confuse (or expose) users.
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const view: MenuItemConstructorOptions = {
    label: w.view,
    submenu: [
      ...commandsIn('view', send, w),
      separator,
      { role: 'resetZoom', label: w.resetZoom },
      { role: 'zoomIn', label: w.zoomIn },
      { role: 'zoomOut', label: w.zoomOut },
      separator,
      { role: 'togglefullscreen', label: w.fullScreen },
      ...developer,
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: w.help,
    submenu: [...commandsIn('help', send, w), separator, { role: 'about', label: w.about }],
  };

  return [...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []), file, edit, view, help];
}
