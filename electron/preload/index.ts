/*
 * Runs in the sandboxed renderer before the page. A sandboxed preload can only
 * require('electron'), so build-electron.mjs bundles this file and everything it
 * imports (shared/bridge.ts, zod) into one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

const api = createBridge(ipcRenderer);

// The bridge is the only thing exposed: no ipcRenderer, no Node, no other globals.
contextBridge.exposeInMainWorld('waypoint', api);
