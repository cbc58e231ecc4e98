export { CommandPalette } from './components/CommandPalette';
