import { gzipSync } from 'node:zlib';
import { defaultAccountFields, type AccountFields } from '../../shared/domain/account';
import { toIsoDate } from '../../shared/domain/dates';
import { toMinor } from '../../shared/domain/money';
import type { ObjectiveFields, PlanFields } from '../../shared/domain/plan';
import { defaultPersonFields, type PersonFields } from '../../shared/domain/stakeholders';
import { craftFile, headerFor } from '../../shared/sync/testing';
import type { FilePayload } from './pages/SyncPage';
import { SeedDevice } from './seed';

/*
 * Files a careless colleague, a buggy device or a newer Waypoint could send (issue 12), written
 * with the app's own codec and stamps so that only the one thing under test is wrong.
 */

export const FRIENDLY = { account: 'Nordlys Energi', ada: 'Ada Berg', li: '李伟 Li Wei', plan: 'FY28 growth' } as const;

/** A workspace from a newer version: a line of a kind this version does not know ("mentors"), and a field it never heard of. */
export async function newerVersionFile(): Promise<{ file: FilePayload; planId: string; deviceName: string; records: number }> {
  const dev = new SeedDevice('5eed0000000000a1', 'Newer laptop');
  const accountId = dev.add<AccountFields & { loyaltyTier: string }>('accounts', {
    ...defaultAccountFields({
      name: FRIENDLY.account,
      currency: 'NOK',
      arr: toMinor(900_000, 'NOK'),
      potentialArr: toMinor(12_000_000, 'NOK'),
      owner: 'Kari Holm',
    }),
    loyaltyTier: 'gold',
  });
  const [ada, li] = dev.addMany<PersonFields>('people', [
    defaultPersonFields(accountId, { name: FRIENDLY.ada, title: 'CFO', orgLevel: 'cLevel', stance: 'champion', influence: 5, x: 0, y: 0 }),
    defaultPersonFields(accountId, {
      name: FRIENDLY.li,
      title: 'Head of IT',
      orgLevel: 'vp',
      stance: 'supporter',
      influence: 4,
      x: 320,
      y: 0,
    }),
  ]);
  dev.add('lines', { accountId, from: ada, to: li, kind: 'mentors' });
  const planId = dev.add<PlanFields>('plans', {
    accountId,
    title: FRIENDLY.plan,
    periodStart: toIsoDate(new Date()),
    periodEnd: null,
    summary: '',
  });
  dev.add<ObjectiveFields>('objectives', { planId, title: 'Win the grid tender', sort: 1 });
  return { file: await dev.file(), planId, deviceName: dev.name, records: dev.rowCount() };
}

/** An otherwise good file with one account that has no potential ARR: refused whole. */
export async function malformedRowFile(): Promise<FilePayload> {
  const dev = new SeedDevice('5eed0000000000b2', 'Buggy tablet');
  const { potentialArr: _missing, ...fields } = defaultAccountFields({ name: 'Broken Row AS', owner: 'Nobody' });
  dev.add('accounts', fields);
  dev.add<AccountFields>('accounts', defaultAccountFields({ name: 'Fine Row AS' }));
  const file = await dev.file();
  return { ...file, name: 'Buggy tablet.wpsync' };
}

/** 100 KB on disk, 35 million empty objects unpacked (about 105 MB of JSON); the header claims 10 million rows. */
export async function bombFile(): Promise<FilePayload> {
  const unit = Buffer.from('{},'.repeat(1_000_000));
  const parts = [Buffer.from('{"tables":{"accounts":[')];
  for (let i = 0; i < 35; i++) parts.push(unit);
  parts.push(Buffer.from('{}]}}'));
  const gz = new Uint8Array(gzipSync(Buffer.concat(parts), { level: 9 }));
  const header = await headerFor({ accounts: 10_000_000 }, { source: { device: '5eed0000000000c3', name: 'Shared drive' } });
  const bytes = await craftFile(gz, header);
  return { name: 'waypoint-bomb.wpsync', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) };
}

export const LOOP = { account: 'Volga Logistics ООО', a: 'Мария Иванова', b: '王芳 Wang Fang', c: 'Pieter de Vries' } as const;

/**
 * What two devices' merged edits can leave (each row passes the field rules): a reporting loop
 * between two people, and a third person with two reports-to managers.
 */
export async function mergedLoopFile(): Promise<FilePayload> {
  const dev = new SeedDevice('5eed0000000000e5', 'Hotel laptop');
  const accountId = dev.add<AccountFields>('accounts', defaultAccountFields({ name: LOOP.account, owner: 'Irina' }));
  const [x, y, z] = dev.addMany<PersonFields>('people', [
    defaultPersonFields(accountId, { name: LOOP.a, title: 'COO', orgLevel: 'cLevel', x: 0, y: 0 }),
    defaultPersonFields(accountId, { name: LOOP.b, title: 'CIO', orgLevel: 'cLevel', x: 320, y: 0 }),
    defaultPersonFields(accountId, { name: LOOP.c, title: 'Head of fleet', orgLevel: 'director', x: 160, y: 200 }),
  ]);
  dev.add('lines', { accountId, from: x, to: y, kind: 'reportsTo' });
  dev.add('lines', { accountId, from: y, to: x, kind: 'reportsTo' });
  dev.add('lines', { accountId, from: z, to: x, kind: 'reportsTo' });
  dev.add('lines', { accountId, from: z, to: y, kind: 'reportsTo' });
  return { ...(await dev.file()), name: 'Hotel laptop.wpsync' };
}
