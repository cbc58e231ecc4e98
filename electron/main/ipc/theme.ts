import type { BrowserWindowClass, NativeThemeLike } from '../deps';
import { backgroundColor } from '../window';
import type { Handle } from './handle';

/** Keeps native chrome and the pre-paint window background in step with the app's theme. */
export function registerThemeIpc(handle: Handle, nativeTheme: NativeThemeLike, windows: Pick<BrowserWindowClass, 'getAllWindows'>): void {
  nativeTheme.on('updated', () => {
    const colour = backgroundColor(nativeTheme);
    for (const window of windows.getAllWindows()) {
      if (!window.isDestroyed()) window.setBackgroundColor(colour);
    }
  });
  handle('theme:setSource', (source) => {
    nativeTheme.themeSource = source;
    return undefined;
  });
}
