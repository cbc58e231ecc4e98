/*
 * The only module that imports Electron at runtime: it hands the real objects to
 * createMain (app.ts). Assigning them to MainDeps makes the compiler check that
 * the fakes used in tests describe the real APIs.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { createMain } from './app';
import type { MainDeps } from './deps';

const deps: MainDeps = {
  app,
  BrowserWindow,
  protocol,
  // A getter: defaultSession may only be touched once the app is ready.
  session: {
    get defaultSession() {
      return session.defaultSession;
    },
  },
  setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  shell,
  dialog: {
    showSaveDialog: (options) => {
      const parent = BrowserWindow.getFocusedWindow();
      return parent === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
    },
    showOpenDialog: (options) => {
      const parent = BrowserWindow.getFocusedWindow();
      return parent === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(parent, options);
    },
  },
  ipcMain,
  nativeTheme,
  screen,
  platform: process.platform,
};

const main = createMain(deps);
main.ready.catch((error: unknown) => {
  console.error(`Waypoint failed to start: ${error instanceof Error ? error.message : String(error)}`);
  app.quit();
});
