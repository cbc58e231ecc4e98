import { useEffect } from 'react';
import { commandDef, commandForKey, type CommandId } from '@shared/commands';
import { getBridge } from '../platform';
import { runCommand } from '../stores/commands';
import { inDialog, isTyping } from '../lib/keys';

/** Commands whose `native` behaviour in a text field is the browser's own editing command. */
const NATIVE_EDIT: Partial<Record<CommandId, 'undo' | 'redo'>> = { 'edit:undo': 'undo', 'edit:redo': 'redo' };

/**
 * The one keyboard handler: a key press becomes the command of shared/commands.ts it names, run by
 * whichever screen handles it now (stores/commands). The native menu shows the same accelerators
 * without grabbing the keys, so this handler serves keyboard and menu alike. Inside a text field a
 * command runs only if it says so (`whileTyping`); Ctrl/Cmd+Z there stays the field's own undo.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const id = commandForKey(e);
      if (!id) return;
      const def = commandDef(id);
      if (isTyping(e.target) && def.whileTyping !== 'run') return;
      if (def.group === 'page' && inDialog(e.target)) return;
      // macOS runs a menu item for a Cmd-key the page did not preventDefault(): handled keys must be marked.
      if (runCommand(id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const off = getBridge().onMenuCommand((id) => {
      const native = NATIVE_EDIT[id];
      if (native && isTyping(document.activeElement)) {
        document.execCommand(native);
        return;
      }
      runCommand(id);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);
}
