import type { Bridge } from '@shared/bridge';
import { createBrowserBridge } from './browser';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly waypoint?: Bridge;
  }
}

let bridge: Bridge | null = null;

/** The shell: Electron's preload bridge when present, the browser implementation otherwise. */
export function getBridge(): Bridge {
  bridge ??= window.waypoint ?? createBrowserBridge(__APP_VERSION__);
  return bridge;
}
