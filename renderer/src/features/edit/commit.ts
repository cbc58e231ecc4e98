import { i18next } from '../../i18n';
import { useUi } from '../../stores/ui';
import { useUndo } from '../../stores/undo';
import { RefusedError } from '../../db/refused';
import { replayIntent, type Intent, type Workspace } from '../../db/workspace';

/**
 * (Lives above db/: it reports to the UI stores and speaks through i18n, which db/ never does.)
 *
 * Runs one user intent through a repository: shows "Saving…", records it for undo,
 * and turns a failure into a message instead of a lost edit.
 */
export async function commit<T extends { intent: Intent } | Intent | null>(
  work: () => Promise<T>,
  opts: { undoToast?: string } = {},
): Promise<T | undefined> {
  const ui = useUi.getState();
  ui.writeStarted();
  try {
    const out = await work();
    const intent = out && 'intent' in out ? out.intent : (out as Intent | null);
    useUndo.getState().push(intent);
    useUi.getState().writeFinished();
    if (opts.undoToast && intent) useUi.getState().showToast({ message: opts.undoToast, tone: 'neutral', undo: true });
    return out;
  } catch (err) {
    const message =
      err instanceof RefusedError
        ? i18next.t(err.messageKey, err.params)
        : i18next.t('errors.saveFailed', { reason: err instanceof Error ? err.message : String(err) });
    useUi.getState().writeFinished(message);
    useUi.getState().showToast({ message, tone: 'error' });
    return undefined;
  }
}

let replaying = Promise.resolve();

/** Undo or redo the latest intent; serialised so fast repeated presses replay in order. */
export function undoRedo(ws: Workspace, direction: 'undo' | 'redo'): Promise<void> {
  replaying = replaying.then(async () => {
    const stack = direction === 'undo' ? useUndo.getState().past : useUndo.getState().future;
    const top = stack[stack.length - 1];
    if (!top) return;
    const ui = useUi.getState();
    ui.writeStarted();
    try {
      await replayIntent(ws, top, direction);
      useUndo.getState().moved(direction === 'undo' ? 'past' : 'future');
      useUi.getState().writeFinished();
    } catch (err) {
      const message = i18next.t(direction === 'undo' ? 'errors.undoFailed' : 'errors.redoFailed', {
        reason: err instanceof Error ? err.message : String(err),
      });
      useUi.getState().writeFinished(message);
      useUi.getState().showToast({ message, tone: 'error' });
    }
  });
  return replaying;
}
