import { ariaKeys, commandDef, shortcutText, type CommandId } from '@shared/commands';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The keys of a command's first shortcut as shown on screen ("Ctrl ⇧ Z", "⌘ K"), or undefined. */
export function keysOf(id: CommandId): string | undefined {
  const s = commandDef(id).shortcuts?.[0];
  return s ? shortcutText(s, IS_MAC) : undefined;
}

/** Every shortcut of a command as shown on screen. */
export const allKeysOf = (id: CommandId): string[] => (commandDef(id).shortcuts ?? []).map((s) => shortcutText(s, IS_MAC));

/** The `aria-keyshortcuts` value of a command, or undefined. */
export function ariaKeysOf(id: CommandId): string | undefined {
  const list = commandDef(id).shortcuts ?? [];
  return list.length > 0 ? list.map(ariaKeys).join(' ') : undefined;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** The one "is the user typing?" check: a key pressed here belongs to the field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** Focus is inside a dialog: commands of the page behind it wait. */
export const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
