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

  it('keeps features below app/ and report/, and report/ below app/', async () => {
    expect(
      await problems(
        'renderer/src/features/accounts/components/zz.tsx',
        `import { App } from '../../../app/App';\nexport const a = App;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'renderer/src/features/club/components/zz.tsx',
        `import { ReportPage } from '../../../report';\nexport const a = ReportPage;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await problems('renderer/src/features/map/zz.ts', `import { x } from '../../report/docs/PlanReport';\nexport const a = x;\n`),
    ).toHaveLength(1);
    expect(
      await problems(
        'renderer/src/features/club/components/zz.tsx',
        `import { printDocument } from '../../../platform/print';\nexport const a = printDocument;\n`,
      ),
    ).toEqual([]);
    expect(await problems('renderer/src/report/docs/zz.tsx', `import { App } from '../../app/App';\nexport const a = App;\n`)).toHaveLength(
      1,
    );
    expect(
      await problems(
        'renderer/src/report/docs/zz.tsx',
        `import { x } from '../../features/map/components/MapCanvas';\nexport const a = x;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await problems('renderer/src/report/docs/zz.tsx', `import { useMapData } from '../../features/map';\nexport const a = useMapData;\n`),
    ).toEqual([]);
    // A feature's screens (loaded lazily) are its second public entry; a file beside them is not.
    expect(
      await problems(
        'renderer/src/report/docs/zz.tsx',
        `import { WhaleChart } from '../../features/portfolio/pages';\nexport const a = WhaleChart;\n`,
      ),
    ).toEqual([]);
    expect(
      await problems('renderer/src/report/docs/zz.tsx', `import { x } from '../../features/portfolio/pagesExtra';\nexport const a = x;\n`),
    ).toHaveLength(1);
  });

  it('passes the code as it is (lint of every renderer layer)', async () => {
    const results = await eslint.lintFiles([
      'renderer/src/db',
      'renderer/src/stores',
      'renderer/src/lib',
      'renderer/src/platform',
      'renderer/src/i18n',
      'renderer/src/ui',
      'renderer/src/features',
      'renderer/src/report',
    ]);
    expect(
      results.flatMap((r) => r.messages.filter((m) => /restricted/.test(m.message)).map((m) => `${r.filePath}: ${m.message}`)),
    ).toEqual([]);
  }, 180_000);
});
