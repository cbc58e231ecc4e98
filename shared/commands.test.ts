import { describe, expect, it } from 'vitest';
import en from '../renderer/src/i18n/en.json' with { type: 'json' };
import { accelerator, ariaKeys, COMMANDS, commandForKey, isMenuCommand, MENU_COMMAND_IDS, shortcutText, type KeyPress } from './commands';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

const lookup = (path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), en);

describe('the command record', () => {
  it('has unique ids, a label in en.json for each, and no two commands on the same keys', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) expect(typeof lookup(c.labelKey), c.labelKey).toBe('string');
    const seen = new Map<string, string>();
    for (const c of COMMANDS)
      for (const s of 'shortcuts' in c ? c.shortcuts : []) {
        const keys = accelerator(s);
        expect(seen.get(keys), `${c.id} and ${seen.get(keys)} share ${keys}`).toBeUndefined();
        seen.set(keys, c.id);
      }
  });

  it('names the menu commands from their menu place', () => {
    expect(MENU_COMMAND_IDS).toEqual([
      'account:new',
      'edit:undo',
      'edit:redo',
      'app:find',
      'app:commandPalette',
      'view:toggleTheme',
      'help:shortcuts',
      'csv:import',
    ]);
    expect(isMenuCommand('edit:undo')).toBe(true);
    expect(isMenuCommand('go:accounts')).toBe(false);
    expect(isMenuCommand({})).toBe(false);
  });
});

describe('commandForKey', () => {
  it('finds a command by its keys, Ctrl or ⌘ alike', () => {
    expect(commandForKey(press('k', { ctrlKey: true }))).toBe('app:commandPalette');
    expect(commandForKey(press('K', { metaKey: true }))).toBe('app:commandPalette');
    expect(commandForKey(press('n', { ctrlKey: true }))).toBe('account:new');
    expect(commandForKey(press('/'))).toBe('accounts:filter');
    expect(commandForKey(press('c'))).toBe('retreat:capture');
  });

  it('tells Shift apart: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, Ctrl+Shift+N is nothing', () => {
    expect(commandForKey(press('z', { ctrlKey: true }))).toBe('edit:undo');
    expect(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('edit:redo');
    expect(commandForKey(press('y', { ctrlKey: true }))).toBe('edit:redo');
    expect(commandForKey(press('N', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(press('D', { ctrlKey: true, shiftKey: true }))).toBe('view:toggleTheme');
    expect(commandForKey(press('d', { ctrlKey: true }))).toBeNull();
  });

  it('does not take a letter typed with Ctrl or Alt for its single-key command, nor Alt+Ctrl+K for the palette', () => {
    expect(commandForKey(press('c', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(press('c', { altKey: true }))).toBeNull();
    expect(commandForKey(press('k', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(press('Enter'))).toBeNull();
  });

  it('reads "?" by its character, whatever the layout needs to type it', () => {
    expect(commandForKey(press('?', { shiftKey: true }))).toBe('help:shortcuts');
    expect(commandForKey(press('?'))).toBe('help:shortcuts');
  });

  it('looks only among the commands it is given', () => {
    expect(commandForKey(press('/'), ['app:find'])).toBeNull();
  });
});

describe('shortcut text', () => {
  it('prints keys for the menu, the screen and assistive technology', () => {
    expect(accelerator({ key: 'z', mod: true, shift: true })).toBe('Shift+CmdOrCtrl+Z');
    expect(shortcutText({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl ⇧ Z');
    expect(shortcutText({ key: 'k', mod: true }, true)).toBe('⌘ K');
    expect(shortcutText({ key: '?', shift: true }, false)).toBe('?');
    expect(ariaKeys({ key: 'k', mod: true })).toBe('Control+K Meta+K');
    expect(ariaKeys({ key: '/' })).toBe('/');
  });
});
