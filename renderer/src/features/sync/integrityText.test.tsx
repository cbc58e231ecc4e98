import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { findIntegrityIssues, INTEGRITY_KINDS, repairFor, type IntegrityFinding } from '@shared/domain/integrity';
import { line, member, person, quote, row, tables } from '@shared/domain/integrity.fixtures';
import { WorkspaceContext } from '../../db/context';
import type { Workspace } from '../../db/workspace';
import { i18next, initI18n } from '../../i18n';
import { IntegrityItem } from './components/IntegrityItem';
import { findingLink, findingReason, findingSentence, repairLabel } from './integrityText';

beforeAll(() => initI18n('en'));

/** One finding of every kind, with the names a user would have typed. */
function everyKind(): IntegrityFinding[] {
  const people = [person('x', 'Ada Lovelace'), person('y', 'Grace Hopper'), person('z', 'Linus Pauling')];
  return findIntegrityIssues(
    tables({
      accounts: [row('acc', { name: 'Nordlys Energi' }), row('a1', { name: 'Fjord Bank' }), row('a2', { name: 'Polar Air' })],
      people,
      lines: [line('l1', 'x', 'y', 's0001'), line('l2', 'y', 'x', 's0002'), line('l3', 'x', 'z', 's0003')],
      clubProgram: row('club', { name: 'Platinum club', seatCap: 1 }),
      members: [
        member('m1', 'a1', 'member', '2025-01-01'),
        member('m2', 'a2', 'invited', null, 's0002'),
        member('m3', 'a2', 'candidate', null),
      ],
      roadmapItems: [row('item', { title: 'SSO', plannedQuarter: '2027-Q2', acceleratedFrom: '2027-Q4' })],
      quotes: [
        quote('Hire early', { status: 'accepted' }, 's0001'),
        quote('Contractors', { status: 'accepted' }, 's0002'),
        quote('Shared', { status: 'sent', split: 'custom', funders: [{ accountId: 'a1', shareBp: 6_000 }] }),
      ],
    }),
  );
}

const auto = (f: IntegrityFinding) => {
  const plan = repairFor(f);
  if (plan.kind !== 'auto') throw new Error(`${f.kind} has no automatic repair`);
  return repairLabel(plan);
};

describe('integrity sentences', () => {
  it('say what is wrong with the names, and what the repair will do', () => {
    const found = everyKind();
    expect(found.map((f) => f.kind)).toEqual(INTEGRITY_KINDS);
    const [loop, managers, duplicate, seats, quotes, shares] = found as [
      IntegrityFinding,
      IntegrityFinding,
      IntegrityFinding,
      IntegrityFinding,
      IntegrityFinding,
      IntegrityFinding,
    ];
    expect(findingSentence(loop)).toBe('Ada Lovelace and Grace Hopper report to each other (a reporting loop) — Nordlys Energi');
    expect(auto(loop)).toBe('Make the newest line dotted (Grace Hopper → Ada Lovelace)');
    expect(findingSentence(managers)).toBe('Ada Lovelace reports to 2 managers: Grace Hopper and Linus Pauling — Nordlys Energi');
    expect(auto(managers)).toBe('Keep Grace Hopper as manager, make the other lines dotted');
    expect(findingSentence(duplicate)).toBe('Polar Air is on the club roster 2 times');
    expect(auto(duplicate)).toBe('Keep the “Invited” entry, remove the others');
    expect(findingSentence(seats)).toBe('Platinum club has 2 of 1 seats taken');
    expect(auto(seats)).toBe('Move Polar Air (joined last) back to candidate');
    expect(findingSentence(quotes)).toBe('2 quotes are accepted for SSO: Hire early and Contractors');
    expect(auto(quotes)).toBe('Keep “Hire early” (accepted first), set the others back to sent');
    expect(findingSentence(shares)).toBe('The custom shares of the quote “Shared” for SSO add up to 60%, not 100%');
    expect(repairFor(shares)).toEqual({ kind: 'manual', quoteId: 'Shared' });
    expect(findingLink(shares)).toEqual({ route: { name: 'quote', id: 'Shared' }, label: 'Open the quote to fix the shares' });
    expect(findingLink(loop)).toEqual({ route: { name: 'account', id: 'acc', tab: 'map' }, label: 'Open the map' });
    for (const f of found) expect(i18next.exists(`sync.integrity.reason.${f.kind}`) && findingReason(f).length).toBeGreaterThan(20);
  });

  it('a long loop is shown by its first six people; empty and pasted-page names stay readable', () => {
    const long = 'W'.repeat(5_000);
    const people = Array.from({ length: 9 }, (_, i) => person(`p${i}`, i === 0 ? '' : i === 1 ? long : `P${i}`));
    const f = findIntegrityIssues(tables({ people, lines: people.map((p, i) => line(`l${i}`, p.id as string, `p${(i + 1) % 9}`)) }))[0]!;
    const text = findingSentence(f);
    expect(text).toContain('(unnamed) → WWW');
    expect(text).toContain('→ P5 → … → (unnamed) form a reporting loop of 9 people');
    expect(text.length).toBeLessThan(300);
  });

  it('every finding renders, with a repair button or a link to fix by hand', () => {
    const ws = {} as Workspace;
    for (const f of everyKind()) {
      const html = renderToStaticMarkup(
        <WorkspaceContext.Provider value={ws}>
          <ul>
            <IntegrityItem finding={f} />
          </ul>
        </WorkspaceContext.Provider>,
      );
      expect(html).toContain(findingSentence(f).replace(/&/g, '&amp;').slice(0, 20));
      expect(html).toMatch(
        f.kind === 'sharesNot100' ? /<a href="#\/quotes\/Shared"[^>]*>Open the quote to fix the shares<\/a>/ : /<button[^>]*>.*<\/button>/,
      );
    }
  });
});
