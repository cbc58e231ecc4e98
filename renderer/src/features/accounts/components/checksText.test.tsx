// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { accountChecks } from '@shared/domain/checks';
import { defaultAccountFields } from '@shared/domain/account';
import { asIsoDate } from '@shared/domain/dates';
import { i18next, initI18n } from '../../../i18n';

beforeAll(async () => {
  await initI18n();
});

/** The sentences the Checks panel shows (OverviewTab: `checks.<id>.title|why` with the check's params). */
const shown = (checks: ReturnType<typeof accountChecks>) =>
  checks.map((c) => `${i18next.t(`checks.${c.id}.title`, c.params)} — ${i18next.t(`checks.${c.id}.why`, c.params)}`);

describe('what the Checks panel says about a map nobody has drawn yet', () => {
  it('says each gap is not known yet, never "Only 0 stakeholders known"', () => {
    const checks = accountChecks(defaultAccountFields({ name: 'New' }), {
      today: asIsoDate('2026-12-02'),
      planCount: 1,
      actions: [],
      map: { people: [], last: new Map() },
    });
    const lines = shown(checks);
    expect(lines[0]).toMatch(/^No stakeholders known yet — Nobody is on the map yet\. .*at least 5/);
    expect(lines.slice(1).map((l) => l.split(' — ')[0])).toEqual([
      'No top-5 stakeholders to review yet',
      'No org level covered yet',
      'Economic buyer not known yet',
      'Champion not known yet',
    ]);
    expect(lines.join('\n')).not.toMatch(/Only 0|\{\{/);
  });
  it('with people on the map the usual sentences come back', () => {
    const person = {
      id: 'p1',
      name: 'Ada',
      influence: 3,
      buyingRole: 'user' as const,
      stance: 'neutral' as const,
      placeholder: false,
      orgLevel: 'manager' as const,
    };
    const checks = accountChecks(defaultAccountFields({ name: 'New' }), {
      today: asIsoDate('2026-12-02'),
      planCount: 1,
      actions: [],
      map: { people: [person], last: new Map() },
    });
    expect(shown(checks).map((l) => l.split(' — ')[0])).toEqual([
      'Only 1 stakeholder known',
      'A top-5 stakeholder has gone cold: Ada',
      'Only one org level covered',
      'No economic buyer on the map',
      'No champion on the map',
    ]);
  });
});
