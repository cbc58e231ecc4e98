// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '@shared/domain/dates';
import type { FrozenFigures } from '@shared/domain/memo';
import { asMinor } from '@shared/domain/money';
import { asQuarter } from '@shared/domain/quarter';
import { createAccount } from '../../db/accounts';
import { createMemo, decideMemo, setExit, setView } from '../../db/memos';
import { addRequest, createItem, setCapacity } from '../../db/roadmap';
import { freshWorkspaces } from '../../db/testing';
import type { Workspace } from '../../db/workspace';
import { initI18n } from '../../i18n';
import { MemoReport } from './MemoReport';
import { workspaceMounts } from '../../db/mounting';
import { until } from '../../lib/testing';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const freshWorkspace = freshWorkspaces();
const Q1 = asQuarter('2027-Q1');
const Q2 = asQuarter('2027-Q2');
const Q3 = asQuarter('2027-Q3');
const { mount } = workspaceMounts();

beforeAll(() => initI18n('en'));

function render(ws: Workspace, id: string): HTMLElement {
  return mount(ws, <MemoReport id={id} />);
}

/** The printed memo once it says it is ready (its data and the accounts' health read). */
async function ready(host: HTMLElement): Promise<HTMLElement> {
  await until(() => expect(host.querySelector('article[data-report-ready="true"]')).not.toBeNull());
  return host.querySelector('article') as HTMLElement;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A section's text by its heading. */
function section(doc: HTMLElement, heading: string): string {
  const h = [...doc.querySelectorAll('h2')].find((x) => x.textContent === heading);
  return text(h?.closest('section'));
}
/** The options table's row of one figure: each option's cell text. */
function optionRow(doc: HTMLElement, label: string): string[] {
  const th = [...doc.querySelectorAll('.report-memo-options tbody th')].find((x) => x.textContent === label);
  return [...(th?.closest('tr')?.querySelectorAll('td') ?? [])].map(text);
}

/**
 * The roadmap: SSO (4.5 EM) planned in 2027-Q3, Audit log (3 EM) in 2027-Q1, Reports (2 EM) in
 * 2027-Q2; 2027-Q1 has 6 EM. Acme (€100,000 ARR) finds SSO critical, Globex (€80,000, bucket 4,
 * cost to serve 1,000 h × €90 + 1,000 h × €110 = €200,000) and Svea (SEK, no rate) ask for Audit log.
 * Option A keeps the plan; option B pulls SSO into 2027-Q1 and lets Globex go fairly.
 */
async function workspace(ws: Workspace) {
  const { item: sso } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  const { item: audit } = await createItem(ws, { title: 'Audit log', plannedQuarter: Q1, effortEm: 3 });
  await createItem(ws, { title: 'Reports', plannedQuarter: Q2, effortEm: 2 });
  await setCapacity(ws, Q1, 6);
  const { account: acme } = await createAccount(ws, { name: 'Acme', arr: asMinor(10_000_000), bucket: 1 });
  const { account: globex } = await createAccount(ws, {
    name: 'Globex',
    arr: asMinor(8_000_000),
    bucket: 4,
    supportHours: 1000,
    supportRate: asMinor(9_000),
    engineeringHours: 1000,
    engineeringRate: asMinor(11_000),
  });
  const { account: svea } = await createAccount(ws, { name: 'Svea AB', currency: 'SEK', arr: asMinor(50_000_000) });
  await addRequest(ws, { itemId: sso.id, accountId: acme.id, importance: 'critical', note: '' });
  await addRequest(ws, { itemId: audit.id, accountId: globex.id, importance: 'important', note: '' });
  await addRequest(ws, { itemId: audit.id, accountId: svea.id, importance: 'niceToHave', note: '' });
  const option = (name: string, quarter: typeof Q1, what: string) => ({
    name,
    what,
    effortEm: 4.5,
    quarter,
    itemId: sso.id,
    quoteId: null,
    otherCost: asMinor(0),
    risks: '',
    good: [] as string[],
    bad: [] as string[],
    exitAccountId: null,
    sort: 0,
  });
  const { memo } = await createMemo(ws, {
    memo: {
      title: 'Pull SSO forward?',
      question: 'If we pull SSO into 2027-Q1, what slips, and is it worth it?',
      context: '',
      drivers: 'Acme renews in March\nEngineering is full in Q1',
      dueDate: '2027-01-31' as IsoDate,
      status: 'draft',
      driver: 'Ana',
      approver: 'Bo',
      contributors: ['Chen'],
      informed: [],
      itemId: sso.id,
      accountId: null,
      recommendedOptionId: null,
      recommendation: '',
      chosenOptionId: null,
      chosenBecause: '',
      consequences: '',
      decidedBy: '',
      decidedOn: null,
      decidedFigures: null,
      supersedes: null,
      supersededBy: null,
    },
    options: [
      option('Keep the plan', Q3, 'Ship SSO in 2027-Q3 as planned.'),
      { ...option('Pull SSO into 2027-Q1', Q1, 'Build SSO first.'), good: ['Acme renews'], bad: ['Audit log waits'] },
    ],
  });
  const options = (await ws.db.memoOptions.where('memoId').equals(memo.id).toArray()).sort((a, b) => a.sort - b.sort);
  const [keep, pull] = options as [(typeof options)[number], (typeof options)[number]];
  await setView(ws, memo.id, 'support', { stance: 'for', who: 'Dana', reason: 'Globex is most of our escalations.' });
  await setView(ws, memo.id, 'engineering', { stance: 'against', who: 'Eli', reason: 'Q1 is full.' });
  await setView(ws, memo.id, 'finance', { stance: 'for', who: 'Fay', reason: 'Globex destroys profit.' });
  // Refund €20,000; 40 + 80 h at €150 = €18,000: the exit costs €38,000 once.
  await setExit(
    ws,
    memo.id,
    globex.id,
    {
      withdrawProposal: true,
      proposal: 'the 2027 renewal offer',
      refund: asMinor(2_000_000),
      refundTerms: 'pro rata for the unused months',
      exportHours: 40,
      migrationHours: 80,
      hourlyRate: asMinor(15_000),
      partner: 'Northwind Partners',
      noticeDays: 90,
      exitDate: '2027-04-15' as IsoDate,
    },
    pull.id,
  );
  return { memo, keep, pull };
}

describe('the printed trade-off memo', () => {
  it('prints what slips, the revenue at stake, the unheard executives and the fair exit from the live figures', async () => {
    const ws = await freshWorkspace();
    const { memo } = await workspace(ws);
    const doc = await ready(render(ws, memo.id));

    expect(doc.getAttribute('aria-label')).toBe('Trade-off memo: Pull SSO forward?');
    expect(text(doc.querySelector('.report-subtitle'))).toBe('If we pull SSO into 2027-Q1, what slips, and is it worth it?');
    // 2027-Q1 holds 6 EM: Audit log (3) + SSO (4.5) = 7.5 is over, and Audit log, the only movable item, slips to Q2.
    // The either/or in memoText's own words (the screen's sentence); the figures in it are what is checked here.
    expect(section(doc, 'Recommendation')).toMatch(/Pull SSO into 2027-Q1\W* \(4\.5 EM, [^)]*2027-Q1\), then 1 item slips: Audit log\./);
    expect(section(doc, 'Recommendation')).toMatch(/Keep the plan\W* \(4\.5 EM, [^)]*2027-Q3\), nothing else slips\./);
    expect(section(doc, 'Recommendation')).toContain('No option is recommended yet.');
    expect(optionRow(doc, 'What slips')).toEqual(['Nothing slips', 'Audit log moves from 2027-Q1 to 2027-Q2']);
    // Gained: Acme €100,000 × critical 100%; slipping: Globex €80,000 × important 50% = €40,000 (Svea's SEK has no rate).
    // Revenue at stake = 100,000 + 40,000 + no quote = €140,000.
    const revenue = optionRow(doc, 'Revenue at stake');
    expect(revenue[0]).toBe('€0Demand gained €0Demand slipping €0');
    expect(revenue[1]).toBe('€140,000Demand gained €100,000Demand slipping €40,000');
    // The account let go first, then those who wait, then those who gain.
    expect(optionRow(doc, 'Customers affected')[1]).toMatch(
      /^3 customersGlobexBucket 4 \(Awkward fit\) · health \d+ · let goSvea ABNo bucket · health \d+ · waits for Audit logAcmeBucket 1 \(Happy\) · health \d+ · gets SSO sooner$/,
    );
    expect(optionRow(doc, 'Cost')).toEqual(['€0', '€38,000Fair exit €38,000']);
    expect(optionRow(doc, 'Good, because')).toEqual(['None written', 'Acme renews']);
    expect(optionRow(doc, 'Lands in')[1]).toBe('2027-Q1Pulls SSO in from 2027-Q3');

    const views = section(doc, "The executives' views");
    expect(views).toContain('SupportForDanaGlobex is most of our escalations.');
    expect(views).toContain('MarketingNot yet heard——');
    expect(views).toContain('Not yet heard (2 of 5): Marketing, Sales.');

    // Cost €38,000; profit 80,000 − 200,000 = −€120,000 a year; payback 38 ÷ 120 × 12 = 3.8 months.
    const exit = section(doc, 'Fair exit');
    expect(exit).toContain('The exit costs €38,000 once and saves €120,000 a year: it pays for itself in 3.8 months.');
    expect(exit).toContain('Withdrawn: the 2027 renewal offer');
    expect(exit).toContain('40 h export + 80 h migration = 120 h at €150 an hour');
    expect(exit).toContain('ARR €80,000 − cost to serve €200,000');
    expect(exit).toContain('90 days, leaving on Apr 15, 2027');
    expect(exit).toContain('carried out by Pull SSO into 2027-Q1');

    const sources = section(doc, 'Figures and where they come from');
    expect(sources).toContain('nice to have 25%, important 50%, critical 100%');
    expect(sources).toContain('Capacity now: 2027-Q1 6 EM; 2027-Q2 12 EM (default); 2027-Q3 12 EM (default).');
    expect(sources).toContain('No exchange rate is set for SEK');
    expect(doc.querySelector('h2')?.textContent).toBe('Recommendation');
    expect(section(doc, 'Decision')).toBe('');
  });

  it('once decided, prints the frozen figures and what has changed since', async () => {
    const ws = await freshWorkspace();
    const { memo, keep, pull } = await workspace(ws);
    // Recorded as if the exit had cost €30,000 then: the option's cost has changed since (€38,000 now).
    const frozen: FrozenFigures = {
      currency: 'EUR',
      options: [
        {
          id: keep.id,
          name: keep.name,
          effortEm: 4.5,
          quarter: Q3,
          slips: [],
          gained: 0,
          slipping: 0,
          quotePrice: 0,
          cost: 0,
          customers: 0,
        },
        {
          id: pull.id,
          name: pull.name,
          effortEm: 4.5,
          quarter: Q1,
          slips: [{ title: 'Audit log', from: Q1, to: Q2 }],
          gained: 10_000_000,
          slipping: 4_000_000,
          quotePrice: 0,
          cost: 3_000_000,
          customers: 3,
        },
      ],
      exit: { currency: 'EUR', cost: 3_000_000, savingPerYear: 12_000_000 },
    };
    await decideMemo(
      ws,
      memo.id,
      { chosenOptionId: pull.id, chosenBecause: 'Acme renews in March.', consequences: 'Audit log waits a quarter.', decidedBy: 'Bo' },
      frozen,
      '2027-01-20' as IsoDate,
    );
    const doc = await ready(render(ws, memo.id));

    const decision = section(doc, 'Decision');
    expect(decision).toContain('Decided on Jan 20, 2027 by Bo: Pull SSO into 2027-Q1.');
    expect(decision).toContain('Chosen becauseAcme renews in March.');
    expect(decision).toContain('1 has changed since:');
    expect(decision).toContain('Pull SSO into 2027-Q1 — cost: €30,000 at the decision, €38,000 now.');
    // The frozen cost prints, without the live parts; the unchanged option keeps its details.
    expect(optionRow(doc, 'Cost')).toEqual(['€0', '€30,000']);
    expect(optionRow(doc, 'Customers affected')[1]).toBe('3 customers');
    expect(text(doc.querySelector('.report-memo-options thead th.report-best'))).toBe('Pull SSO into 2027-Q1Chosen');
    expect(section(doc, 'Fair exit')).toContain('At the decision: €30,000 once, saving €120,000 a year.');
    expect(section(doc, 'Figures and where they come from')).toContain('recorded when the memo was decided on Jan 20, 2027');
  });

  it('says so when the memo does not exist', async () => {
    const ws = await freshWorkspace();
    const host = render(ws, 'no-such-memo');
    await until(() =>
      expect(text(host.querySelector('[data-report-ready="true"]'))).toBe(
        'This memo no longer exists (it was deleted or not synced to this device).',
      ),
    );
  });
});
