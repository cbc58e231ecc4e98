import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** ARCHITECTURE rule 10, as lint enforces it: an upward import fails `npm test` (npm run lint). */
const eslint = new ESLint({ cwd: process.cwd() });
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /restricted/.test(m.message)).map((m) => m.message);
}

describe('layers point down (eslint.config.js)', () => {
  it('refuses db/ importing the stores, i18n, ui or a feature', async () => {
    for (const from of ['../stores/ui', '../i18n', '../ui/Button', '../features/accounts', '../app/App'])
      expect(await problems('renderer/src/db/zz.ts', `import { x } from '${from}';\nexport const y = x;\n`), from).toHaveLength(1);
    expect(await problems('renderer/src/db/sync/zz.ts', `import { x } from '../../stores/ui';\nexport const y = x;\n`)).toHaveLength(1);
  });

  it('lets the bottom layer name a db type but not call db, and never reach up to the UI', async () => {
    expect(
      await problems('renderer/src/stores/zz.ts', `import type { Intent } from '../db/workspace';\nexport type I = Intent;\n`),
    ).toEqual([]);
    expect(
      await problems('renderer/src/stores/zz.ts', `import { runIntent } from '../db/workspace';\nexport const r = runIntent;\n`),
    ).toHaveLength(1);
    expect(
      await problems('renderer/src/lib/zz.ts', `import { AccountsPage } from '../features/accounts';\nexport const a = AccountsPage;\n`),
    ).toHaveLength(1);
  });

  it('keeps ui/ primitives free of features, reports and the database', async () => {
    expect(
      await problems('renderer/src/ui/zz.tsx', `import { useAccount } from '../features/accounts';\nexport const a = useAccount;\n`),
    ).toHaveLength(1);
    expect(
      await problems('renderer/src/ui/zz.tsx', `import { WaypointDB } from '../db/database';\nexport const a = WaypointDB;\n`),
    ).toHaveLength(1);
    expect(await problems('renderer/src/ui/zz.tsx', `import { useUi } from '../stores/ui';\nexport const a = useUi;\n`)).toEqual([]);
  });

  it('passes the code as it is (lint of db/, stores/, lib/, platform/, i18n/ and ui/)', async () => {
    const results = await eslint.lintFiles([
      'renderer/src/db',
      'renderer/src/stores',
      'renderer/src/lib',
      'renderer/src/platform',
      'renderer/src/i18n',
      'renderer/src/ui',
    ]);
    expect(
      results.flatMap((r) => r.messages.filter((m) => /restricted/.test(m.message)).map((m) => `${r.filePath}: ${m.message}`)),
    ).toEqual([]);
  }, 60_000);
});
