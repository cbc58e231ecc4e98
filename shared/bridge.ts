import { z } from 'zod';

/**
 * The one contract between the renderer and the desktop shell.
 * The preload builds an object `satisfies Bridge`; the browser implementation
 * (renderer/src/platform/browser.ts) implements the same interface, so the whole
 * app runs in plain Chromium too.
 */

export type ThemeSource = 'system' | 'light' | 'dark';

/** Commands the native menu sends to the renderer (main → renderer, one-way). */
export const MENU_COMMANDS = [
  'account:new',
  'edit:undo',
  'edit:redo',
  'app:find',
  'app:commandPalette',
  'view:toggleTheme',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

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

export interface Bridge {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Opens an https: link in the system browser; anything else is refused (returns false). */
  openExternal(url: string): Promise<boolean>;
  /** Lets native chrome (menus, dialogs, title bar) follow the app's theme. */
  setThemeSource(source: ThemeSource): Promise<void>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Subscribes to native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
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
  filters: z
    .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(10) }))
    .max(10),
});

/**
 * Invoke channels (renderer → main, request/response), named `group:action`.
 * `args` validates what arrives in the main process; nothing is trusted unvalidated.
 */
export const invokeChannels = {
  'app:info': { args: z.tuple([]) },
  'shell:openExternal': { args: z.tuple([z.string().max(2048)]) },
  'theme:setSource': { args: z.tuple([themeSourceSchema]) },
  'files:saveAs': { args: z.tuple([saveFileRequestSchema]) },
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;

/** What each invoke channel resolves to. */
export interface InvokeResults {
  'app:info': AppInfo;
  'shell:openExternal': boolean;
  'theme:setSource': undefined;
  'files:saveAs': SaveFileResult;
}

/** Event channel (main → renderer). */
export const MENU_COMMAND_CHANNEL = 'menu:command' as const;
export const menuCommandSchema = z.enum(MENU_COMMANDS);

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

/**
 * Content Security Policy for every document the shell serves: nothing leaves the machine.
 * 'unsafe-inline' for styles only, because React and Radix set style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
