import { z } from 'zod';
import { isMenuCommand, type MenuCommand } from './commands';
import { MENU_LANGUAGES, type MenuLanguage } from './menuLabels';

/**
 * The one contract between the renderer and the desktop shell.
 * The preload builds an object `satisfies Bridge`; the browser implementation
 * (renderer/src/platform/browser.ts) implements the same interface, so the whole
 * app runs in plain Chromium too.
 */

export type ThemeSource = 'system' | 'light' | 'dark';

/** Commands the native menu sends to the renderer (main → renderer, one-way): those of shared/commands.ts with a menu place. */
export { MENU_COMMAND_IDS as MENU_COMMANDS, type MenuCommand } from './commands';

export interface AppInfo {
  readonly version: string;
  readonly platform: string;
  readonly shell: 'electron' | 'browser';
}

export interface SaveFileRequest {
  /** File name offered in the save dialog, e.g. "accounts.csv". */
  readonly suggestedName: string;
  readonly data: string | Uint8Array;
  readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: readonly string[] }>;
}

export type SaveFileResult = { readonly saved: true; readonly name: string } | { readonly saved: false };

/** A file in the sync folder (names only: the renderer never sees paths inside it). */
export interface SyncFolderEntry {
  readonly name: string;
  readonly size: number;
}

export type ChooseFolderResult = { readonly chosen: true; readonly folder: string } | { readonly chosen: false };

/** Only files named like this are ever read or written in the sync folder. */
export const SYNC_FOLDER_FILE = /^waypoint-[0-9a-f]{16}\.wpsync$/;
/**
 * The most `syncFolder:readHead` returns: a sync file's magic line (14 bytes), a header of at most
 * 1 MB and its newline. Its start is enough to tell a file already merged without reading the body.
 */
export const SYNC_HEAD_MAX_BYTES = 14 + 1024 * 1024 + 1;

/**
 * The sync folder, in the desktop app only: the main process does the file work,
 * confined to the folder the user chose (PRODUCT §6).
 */
export interface SyncFolderBridge {
  /** The chosen folder's path for display, or null when none is set. */
  current(): Promise<string | null>;
  choose(): Promise<ChooseFolderResult>;
  forget(): Promise<void>;
  list(): Promise<SyncFolderEntry[]>;
  read(name: string): Promise<Uint8Array>;
  /** The file's start, up to and including the end of its header line (at most SYNC_HEAD_MAX_BYTES). */
  readHead(name: string): Promise<Uint8Array>;
  write(name: string, data: Uint8Array): Promise<void>;
}

/** What `pdf:print` renders: a report view of the app, on a paper size, saved under a suggested name. */
export interface PrintPdfRequest {
  /** The report's route, e.g. "#/print/plan/<id>". */
  readonly hash: string;
  readonly paper: 'A4' | 'Letter';
  readonly suggestedName: string;
}

/**
 * Evaluated in the report's window until it yields true: the report view has its data and every
 * face it uses has loaded — after a frame (so layout has asked for the bold and semibold faces
 * too), then document.fonts.ready. The desktop shell prints only then; tests use the same check.
 */
export const REPORT_READY_SCRIPT =
  "document.querySelector('[data-report-ready]') === null ? false : new Promise((resolve) => requestAnimationFrame(() => document.fonts.ready.then(() => resolve(true))))";

/** The printable documents; a new kind is added here and nowhere else in the list of what may be printed. */
export const PRINT_DOCS = ['plan', 'quote', 'offer', 'retreat', 'portfolio', 'memo'] as const;
export type PrintDoc = (typeof PRINT_DOCS)[number];
/** The report route a print request may name: #/print/<kind>/<id>, derived from PRINT_DOCS. */
export const PRINT_HASH = new RegExp(`^#/print/(${PRINT_DOCS.join('|')})/[A-Za-z0-9%._~-]{1,200}$`);

export interface Bridge {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Opens an https: link in the system browser; anything else is refused (returns false). */
  openExternal(url: string): Promise<boolean>;
  /** Lets native chrome (menus, dialogs, title bar) follow the app's theme. */
  setThemeSource(source: ThemeSource): Promise<void>;
  /** Lets the native menu speak the app's language (a no-op in browser mode, which has no menu). */
  setLanguage(language: MenuLanguage | 'en-XA'): Promise<void>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Subscribes to native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Electron: renders the report in a hidden window, printToPDF, asks where to save.
   * Null in browser mode, where the report opens in a tab and the browser prints it.
   */
  readonly printPdf: ((request: PrintPdfRequest) => Promise<SaveFileResult>) | null;
  /** Null in browser mode, where sync goes through single files (download and upload). */
  readonly syncFolder: SyncFolderBridge | null;
  /**
   * Work to finish before the app quits (the sync on quit). The shell waits for the
   * returned promise, up to a time limit. Returns an unsubscribe function.
   */
  onQuitRequested(listener: () => Promise<void>): () => void;
}

const themeSourceSchema = z.enum(['system', 'light', 'dark']);
const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

export const saveFileRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
  data: z.union([z.string().max(512 * 1024 * 1024), bytesSchema]),
  filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(10) })).max(10),
});

/**
 * Invoke channels (renderer → main, request/response), named `group:action`.
 * `args` validates what arrives in the main process; nothing is trusted unvalidated.
 */
export const invokeChannels = {
  'app:info': { args: z.tuple([]) },
  'shell:openExternal': { args: z.tuple([z.string().max(2048)]) },
  'theme:setSource': { args: z.tuple([themeSourceSchema]) },
  'app:setLanguage': { args: z.tuple([z.enum([...MENU_LANGUAGES, 'en-XA'])]) },
  'files:saveAs': { args: z.tuple([saveFileRequestSchema]) },
  'syncFolder:current': { args: z.tuple([]) },
  'syncFolder:choose': { args: z.tuple([]) },
  'syncFolder:forget': { args: z.tuple([]) },
  'syncFolder:list': { args: z.tuple([]) },
  'syncFolder:read': { args: z.tuple([z.string().regex(SYNC_FOLDER_FILE)]) },
  'syncFolder:readHead': { args: z.tuple([z.string().regex(SYNC_FOLDER_FILE)]) },
  'syncFolder:write': {
    args: z.tuple([z.string().regex(SYNC_FOLDER_FILE), bytesSchema.refine((b) => b.length <= 100 * 1024 * 1024, 'at most 100 MB')]),
  },
  'app:quitReady': { args: z.tuple([]) },
  'pdf:print': {
    args: z.tuple([
      z.strictObject({
        hash: z.string().regex(PRINT_HASH),
        paper: z.enum(['A4', 'Letter']),
        suggestedName: saveFileRequestSchema.shape.suggestedName,
      }),
    ]),
  },
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;

/** What each invoke channel resolves to. */
export interface InvokeResults {
  'app:info': AppInfo;
  'shell:openExternal': boolean;
  'theme:setSource': undefined;
  'app:setLanguage': undefined;
  'files:saveAs': SaveFileResult;
  'syncFolder:current': string | null;
  'syncFolder:choose': ChooseFolderResult;
  'syncFolder:forget': undefined;
  'syncFolder:list': SyncFolderEntry[];
  'syncFolder:read': Uint8Array;
  'syncFolder:readHead': Uint8Array;
  'syncFolder:write': undefined;
  'app:quitReady': undefined;
  'pdf:print': SaveFileResult;
}

/** Event channel (main → renderer). */
export const MENU_COMMAND_CHANNEL = 'menu:command' as const;
export const menuCommandSchema = z.custom<MenuCommand>(isMenuCommand, 'not a menu command');
/** Event channel (main → renderer): the app is about to quit; answer with `app:quitReady`. */
export const QUIT_REQUESTED_CHANNEL = 'app:quitRequested' as const;

// URL exists in every runtime Waypoint runs in (Node, Chromium) but not in the ES lib that shared/ compiles against.
interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  toString(): string;
}

/** Parses a URL the user clicked and returns it only if it is a plain https: link. */
export function safeExternalUrl(raw: string): string | null {
  let url: ParsedUrl;
  try {
    url = new (globalThis as unknown as { URL: new (s: string) => ParsedUrl }).URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.toString();
}

/** The custom protocol the UI is served from, in development and production alike. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'waypoint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export { CONTENT_SECURITY_POLICY } from './csp';
