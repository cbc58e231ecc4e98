import { useEffect } from 'react';
import type { MenuCommand } from '@shared/bridge';
import { getBridge } from '../platform';

export type CommandHandlers = Record<MenuCommand, () => void>;

const isTextTarget = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type)));

/**
 * App-wide shortcuts. The native menu shows the same accelerators without grabbing
 * the keys, so one handler serves keyboard and menu. Inside a text field Ctrl/Cmd+Z
 * stays the field's own text undo; elsewhere it undoes the last saved change.
 */
export function useShortcuts(handlers: CommandHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      let cmd: MenuCommand | null = null;
      if (key === 'k') cmd = 'app:commandPalette';
      else if (key === 'n' && !e.shiftKey) cmd = 'account:new';
      else if (key === 'f' && !e.shiftKey) cmd = 'app:find';
      else if (key === 'd' && e.shiftKey) cmd = 'view:toggleTheme';
      else if ((key === 'z' && e.shiftKey) || key === 'y') cmd = isTextTarget(e.target) ? null : 'edit:redo';
      else if (key === 'z') cmd = isTextTarget(e.target) ? null : 'edit:undo';
      if (cmd) {
        e.preventDefault();
        handlers[cmd]();
      }
    };
    window.addEventListener('keydown', onKey);
    const off = getBridge().onMenuCommand((cmd) => {
      if ((cmd === 'edit:undo' || cmd === 'edit:redo') && isTextTarget(document.activeElement)) {
        document.execCommand(cmd === 'edit:undo' ? 'undo' : 'redo');
        return;
      }
      handlers[cmd]();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [handlers]);
}
