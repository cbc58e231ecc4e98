import { preview } from 'vite';
import { E2E_PORT } from '../../playwright.config';

/** Serves the built renderer (dist/) with Vite's preview API for the whole run, and stops it after. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: E2E_PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  return async () => {
    await server.close();
  };
}
