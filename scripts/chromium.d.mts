// Types for chromium.mjs (plain Node, so `node scripts/chromium.mjs --check` runs before anything is built).

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

export interface FoundChromium {
  readonly path: string;
  readonly source: ChromiumSource;
}

export interface LocateOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly exists?: (file: string) => boolean;
  readonly playwrightPath?: () => string | null;
}

export const NOT_FOUND_MESSAGE: string;

export class ChromiumNotFoundError extends Error {}

export function systemChromiumPaths(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string[];

export function playwrightChromiumPath(): string | null;

export function locateChromium(options?: LocateOptions): FoundChromium;

export function findChromium(): string;
