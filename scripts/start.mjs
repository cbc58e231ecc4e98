// `npm start`: build Waypoint, then run it in Electron, or in browser mode when this
// machine has no Electron binary. Expected failures print one sentence, never a stack.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = path.join(root, 'vite.config.ts');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(message);
  process.exit(1);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** One readable line from an error (Vite/Rolldown put the useful part in errors[0]). */
function firstLine(error) {
  const nested = Array.isArray(error?.errors) ? error.errors : [];
  const text = String((nested[0] ?? error)?.message ?? error).replace(ANSI, '');
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^Build failed with \d+ errors?:?$/.test(l));
  return `${line ?? 'unknown error'}${nested.length > 1 ? ` (and ${nested.length - 1} more)` : ''}`;
}

/**
 * The electron package's index.js resolves the binary, but when it is missing it
 * tries to download it (noisily, with a stack trace offline). So first check the
 * files it would use, and only then ask it for the path.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    if (!existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()))) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function buildAll() {
  console.log('Building Waypoint…');
  let vite;
  try {
    vite = await import('vite');
    await vite.build({ configFile, logLevel: 'warn' });
  } catch (error) {
    fail(`Waypoint's interface could not be built: ${firstLine(error)}`);
  }
  if (!(await buildElectron())) fail("Waypoint's desktop shell could not be built (see the errors above).");
  return vite;
}

function runElectron(binary) {
  const env = { ...process.env };
  // Set by some editors' terminals; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`Electron could not be started: ${firstLine(error)}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function requestedPort() {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 4173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  return port;
}

async function runInBrowser(vite) {
  console.log(
    "Electron's desktop binary is not installed on this machine (it could not be downloaded), so Waypoint is running in browser mode instead.",
  );
  let server;
  try {
    server = await vite.preview({
      configFile,
      logLevel: 'warn',
      // strictPort false: if the port is taken, Vite tries the next one.
      preview: { host: '127.0.0.1', port: requestedPort(), strictPort: false, open: false },
    });
  } catch (error) {
    fail(`Waypoint could not start its local server: ${firstLine(error)}`);
  }
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort();
  console.log(`Waypoint is running at http://127.0.0.1:${port}/ — open it in Chromium or Chrome. Press Ctrl+C to stop.`);

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    try {
      await server.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const vite = await buildAll();
const binary = electronBinary();
if (binary !== null) runElectron(binary);
else await runInBrowser(vite);
