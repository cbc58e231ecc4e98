export { CommandPalette } from './components/CommandPalette';
export { ShortcutsDialog } from './components/ShortcutsDialog';
