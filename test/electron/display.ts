import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Display {
  /** The DISPLAY value, e.g. ":99". */
  readonly name: string;
  stop(): Promise<void>;
}

export const NO_DISPLAY =
  'Electron needs a display and this Linux machine has none: run the tests in a desktop session, or install Xvfb (`npm run setup` on Debian or Ubuntu) so the Electron test starts one.';

/**
 * A display for Electron. Windows, macOS and a Linux desktop session already have one; a Linux
 * machine without (CI, a server) gets a private Xvfb, which picks a free display number itself
 * (-displayfd) and says it is ready by writing that number. Null when none is needed.
 */
export async function ensureDisplay(env: NodeJS.ProcessEnv = process.env): Promise<Display | null> {
  if (process.platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let log = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-2000);
  });
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    (xvfb.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(NO_DISPLAY) : error));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (exit code ${String(code)}) before it opened a display:\n${log}`)));
  });
  return {
    name: `:${number}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null || xvfb.signalCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill();
      }),
  };
}
