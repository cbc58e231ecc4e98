import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json' with { type: 'json' };
import { MATCH_KEYS } from '@shared/csv/fields';
import { PLAN_REASONS } from '@shared/csv/plan';

/** Every reason the CSV steps can give (shared/csv: fail('x'), reason('x'), 'csv.reason.x', PLAN_REASONS, MATCH_KEYS) has its sentence. */
const dir = path.resolve(__dirname, '../../../../shared/csv');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'fixtures.ts')
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');

const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), en);

describe('CSV reasons in words', () => {
  it('has an English sentence for every reason key the import can give', () => {
    const keys = new Set<string>([
      ...[...sources.matchAll(/\b(?:fail|reason)\('([a-zA-Z]+)'/g)].map((m) => `csv.reason.${m[1]}`),
      ...[...sources.matchAll(/'csv\.reason\.([a-zA-Z]+)'/g)].map((m) => `csv.reason.${m[1]}`),
      ...Object.values(PLAN_REASONS),
      ...Object.values(MATCH_KEYS),
    ]);
    expect(keys.size).toBeGreaterThan(30);
    const missing = [...keys].filter((k) => typeof lookup(k) !== 'string');
    expect(missing).toEqual([]);
  });
});
