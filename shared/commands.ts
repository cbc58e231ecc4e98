/**
 * The one record of every command a user can give by keyboard, menu or palette.
 *
 * The native menu (electron/main/menu.ts), the renderer's one keyboard handler, the command
 * palette and the keyboard-shortcuts help all read this list; a feature registers what a
 * command does while it is on screen (renderer/src/stores/commands.ts). Adding a command is one
 * entry here, one label in en.json and one `useCommand` where it applies.
 */

export interface Shortcut {
  /** `KeyboardEvent.key`, lower case for letters ("k", "/", "?"). */
  readonly key: string;
  /** Ctrl on Windows and Linux, ⌘ on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

/** Where the command's item sits in the native menu (labels are the menu's own, English until the menu is translated). */
export interface MenuPlace {
  readonly menu: 'file' | 'edit' | 'view' | 'help';
  readonly label: string;
}

export type CommandGroup = 'create' | 'go' | 'edit' | 'view' | 'page' | 'help';

/**
 * What a command does while focus is in a text field:
 * - `skip`: nothing; the key types (a single letter, "/").
 * - `native`: the field's own behaviour (Ctrl+Z undoes typing, not the last saved change).
 * - `run`: the command runs anyway (Ctrl+K opens the palette from anywhere).
 */
export type WhileTyping = 'skip' | 'native' | 'run';

export interface CommandDef {
  readonly id: string;
  /** i18n key of the label in the palette and the help. */
  readonly labelKey: string;
  readonly group: CommandGroup;
  readonly shortcuts?: readonly Shortcut[];
  readonly whileTyping?: WhileTyping;
  readonly menu?: MenuPlace;
  /** Listed in the command palette (the palette's own key is not). */
  readonly palette?: boolean;
}

export const COMMANDS = [
  {
    id: 'account:new',
    labelKey: 'commands.newAccount',
    group: 'create',
    shortcuts: [{ key: 'n', mod: true }],
    whileTyping: 'run',
    menu: { menu: 'file', label: 'New Account' },
    palette: true,
  },
  {
    id: 'edit:undo',
    labelKey: 'commands.undo',
    group: 'edit',
    shortcuts: [{ key: 'z', mod: true }],
    whileTyping: 'native',
    menu: { menu: 'edit', label: 'Undo' },
    palette: true,
  },
  {
    id: 'edit:redo',
    labelKey: 'commands.redo',
    group: 'edit',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    whileTyping: 'native',
    menu: { menu: 'edit', label: 'Redo' },
    palette: true,
  },
  {
    id: 'app:find',
    labelKey: 'commands.find',
    group: 'edit',
    shortcuts: [{ key: 'f', mod: true }],
    whileTyping: 'run',
    menu: { menu: 'edit', label: 'Find…' },
    palette: true,
  },
  {
    id: 'app:commandPalette',
    labelKey: 'commands.palette',
    group: 'help',
    shortcuts: [{ key: 'k', mod: true }],
    whileTyping: 'run',
    menu: { menu: 'edit', label: 'Command Palette…' },
  },
  {
    id: 'view:toggleTheme',
    labelKey: 'commands.toggleTheme',
    group: 'view',
    shortcuts: [{ key: 'd', mod: true, shift: true }],
    whileTyping: 'run',
    menu: { menu: 'view', label: 'Toggle Dark Mode' },
    palette: true,
  },
  {
    id: 'help:shortcuts',
    labelKey: 'commands.shortcuts',
    group: 'help',
    shortcuts: [{ key: '?', shift: true }],
    whileTyping: 'skip',
    menu: { menu: 'help', label: 'Keyboard Shortcuts' },
    palette: true,
  },
  { id: 'go:accounts', labelKey: 'commands.goAccounts', group: 'go', palette: true },
  { id: 'go:roadmap', labelKey: 'commands.goRoadmap', group: 'go', palette: true },
  { id: 'go:timeline', labelKey: 'commands.goTimeline', group: 'go', palette: true },
  { id: 'go:quotes', labelKey: 'commands.goQuotes', group: 'go', palette: true },
  { id: 'go:club', labelKey: 'commands.goClub', group: 'go', palette: true },
  { id: 'go:portfolio', labelKey: 'commands.goPortfolio', group: 'go', palette: true },
  { id: 'go:memos', labelKey: 'commands.goMemos', group: 'go', palette: true },
  { id: 'go:sync', labelKey: 'commands.goSync', group: 'go', palette: true },
  { id: 'go:settings', labelKey: 'commands.goSettings', group: 'go', palette: true },
  { id: 'sample:load', labelKey: 'commands.loadSample', group: 'create', palette: true },
  {
    id: 'csv:import',
    labelKey: 'commands.importCsv',
    group: 'create',
    menu: { menu: 'file', label: 'Import from CSV…' },
    palette: true,
  },
  {
    id: 'accounts:filter',
    labelKey: 'commands.filterAccounts',
    group: 'page',
    shortcuts: [{ key: '/' }],
    whileTyping: 'skip',
  },
  {
    id: 'retreat:capture',
    labelKey: 'commands.captureRequest',
    group: 'page',
    shortcuts: [{ key: 'c' }],
    whileTyping: 'skip',
  },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** Commands the native menu sends to the renderer. */
export type MenuCommand = Extract<(typeof COMMANDS)[number], { readonly menu: MenuPlace }>['id'];

const BY_ID: ReadonlyMap<string, CommandDef> = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandDef(id: CommandId): CommandDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown command ${id}`);
  return def;
}

export const isCommandId = (value: unknown): value is CommandId => typeof value === 'string' && BY_ID.has(value);

export const MENU_COMMAND_IDS: readonly MenuCommand[] = COMMANDS.flatMap((c) => ('menu' in c ? [c.id] : []));

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMAND_IDS as readonly string[]).includes(value);

/** The key press as the handler sees it (a KeyboardEvent fits). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

function matches(s: Shortcut, e: KeyPress): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (Boolean(s.mod) !== mod || Boolean(s.alt) !== e.altKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== s.key) return false;
  // "?" is typed with Shift on most layouts and without it on some; the character decides.
  if (s.key === '?') return true;
  return Boolean(s.shift) === e.shiftKey;
}

/** The command a key press asks for, or null. Longer shortcuts first (Ctrl+Shift+Z before Ctrl+Z). */
export function commandForKey(e: KeyPress, ids: Iterable<CommandId> = COMMANDS.map((c) => c.id)): CommandId | null {
  for (const id of ids) {
    const def = commandDef(id);
    if (def.shortcuts?.some((s) => matches(s, e))) return id;
  }
  return null;
}

/** The Electron accelerator of a shortcut ("Shift+CmdOrCtrl+Z"). */
export function accelerator(s: Shortcut): string {
  const parts: string[] = [];
  if (s.shift && s.key !== '?') parts.push('Shift');
  if (s.mod) parts.push('CmdOrCtrl');
  if (s.alt) parts.push('Alt');
  parts.push(s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return parts.join('+');
}

/** The keys as printed on a key cap row: "Ctrl ⇧ Z", "⌘ K", "/". */
export function shortcutText(s: Shortcut, mac: boolean): string {
  const parts: string[] = [];
  if (s.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (s.alt) parts.push(mac ? '⌥' : 'Alt');
  if (s.shift && s.key !== '?') parts.push('⇧');
  parts.push(s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return parts.join(' ');
}

/** `aria-keyshortcuts` value: "Control+K Meta+K". */
export function ariaKeys(s: Shortcut): string {
  const base = [
    ...(s.alt ? ['Alt'] : []),
    ...(s.shift && s.key !== '?' ? ['Shift'] : []),
    s.key.length === 1 ? s.key.toUpperCase() : s.key,
  ];
  return s.mod ? [['Control', ...base].join('+'), ['Meta', ...base].join('+')].join(' ') : base.join('+');
}
