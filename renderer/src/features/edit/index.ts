/** Saving and undo for every feature: commit() around a repository call, undoRedo() for the shortcuts. */
export { commit, undoRedo } from './commit';
