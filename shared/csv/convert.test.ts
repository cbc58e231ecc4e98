import { describe, expect, it } from 'vitest';
import { convertRows } from './convert';
import { decodeCsvBytes } from './decode';
import {
  badRowsExport,
  fixtureMinor,
  fullName,
  hubspotExport,
  reportingLoopExport,
  salesforceDataLoaderExport,
  salesforceReportExport,
  type BadKind,
  type FixtureModel,
} from './fixtures';
import { readSheet, sheetFromBytes } from './sheet';
import type { CsvMapping, CsvSheet, CsvSource, TargetId } from './types';
import { inferDateOrder, inferDecimalMark } from './values';

/** A mapping written by hand: header label → target; every other column ignored. */
function mapping(sheet: CsvSheet, byHeader: Record<string, TargetId>, rest: Partial<CsvMapping> = {}): CsvMapping {
  return {
    source: 'salesforce' as CsvSource,
    columns: sheet.headers.map((h) => byHeader[h] ?? null),
    constants: {},
    dateOrder: null,
    decimal: '.',
    defaultCurrency: 'EUR',
    ...rest,
  };
}

const sfKey = (id: string) => `salesforce:${id.slice(0, 15)}`;

const DL_ACCOUNTS: Record<string, TargetId> = {
  Id: 'account.sourceId',
  Name: 'account.name',
  Industry: 'account.industry',
  AnnualRevenue: 'account.annualRevenue',
  CurrencyIsoCode: 'account.currency',
  Website: 'account.website',
  BillingCountry: 'account.region',
};
const DL_CONTACTS: Record<string, TargetId> = {
  Id: 'person.sourceId',
  AccountId: 'person.accountSourceId',
  FirstName: 'person.firstName',
  LastName: 'person.lastName',
  Title: 'person.title',
  Department: 'person.department',
  Email: 'person.email',
  Phone: 'person.phone',
  ReportsToId: 'person.reportsToSourceId',
};

function expectPeopleOf(model: FixtureModel, people: ReturnType<typeof convertRows>['people']) {
  expect(people.map((p) => p.fields.name)).toEqual(model.contacts.map(fullName));
  expect(people.map((p) => p.fields.email)).toEqual(model.contacts.map((c) => c.email));
}

describe('convertRows on a Salesforce Data Loader export', () => {
  const dl = salesforceDataLoaderExport({ accounts: 30, contactsPerAccount: 4, seed: 11 });

  it('reads accounts with their ids, money in each account’s currency (JPY without decimals) and fields', () => {
    const sheet = sheetFromBytes(dl.accountsCsv);
    const out = convertRows(sheet, mapping(sheet, DL_ACCOUNTS));
    expect(out.problems).toEqual([]);
    expect(out.empty).toBe(0);
    expect(out.accounts).toHaveLength(30);
    out.accounts.forEach((rec, i) => {
      const a = dl.model.accounts[i]!;
      expect(rec.line).toBe(i + 2);
      expect(rec.sourceKey).toBe(sfKey(a.id));
      expect(rec.fields.name).toBe(a.name);
      expect(rec.fields.currency).toBe(a.currency);
      expect(rec.fields.annualRevenue).toBe(fixtureMinor(a) ?? undefined);
      expect(rec.fields.website).toBe(a.website);
      expect(rec.fields.region).toBe(a.country);
    });
    expect(out.people).toEqual([]);
  });

  it('reads contacts with their account and manager as normalised ids (a real tree)', () => {
    const sheet = sheetFromBytes(dl.contactsCsv);
    const out = convertRows(sheet, mapping(sheet, DL_CONTACTS));
    expect(out.problems).toEqual([]);
    expect(out.accounts).toEqual([]);
    expectPeopleOf(dl.model, out.people);
    expect(out.people[0]?.fields.name).toBe('Søren Ærø');
    expect(out.people[1]?.fields.name).toBe('José Müller');
    out.people.forEach((p, i) => {
      const c = dl.model.contacts[i]!;
      expect(p.sourceKey).toBe(sfKey(c.id));
      expect(p.account).toEqual({ sourceKey: sfKey(dl.model.accounts[c.account]!.id) });
      expect(p.reportsTo).toEqual(c.manager === null ? null : { sourceKey: sfKey(dl.model.contacts[c.manager]!.id) });
    });
  });

  it('gives the same keys when the file carries 15-character ids (a report) instead of 18', () => {
    const text15 = decodeCsvBytes(dl.contactsCsv).text.replace(/"(00[135][A-Za-z0-9]{12})[A-Z0-5]{3}"/g, '"$1"');
    expect(text15).not.toContain(dl.model.contacts[0]!.id);
    const sheet18 = sheetFromBytes(dl.contactsCsv);
    const sheet15 = readSheet(text15);
    const a = convertRows(sheet18, mapping(sheet18, DL_CONTACTS)).people;
    const b = convertRows(sheet15, mapping(sheet15, DL_CONTACTS)).people;
    expect(b).toEqual(a);
  });
});

const REPORT_MAP: Record<string, TargetId> = {
  'Account Name': 'account.name',
  'Account Owner': 'account.owner',
  'First Name': 'person.firstName',
  'Last Name': 'person.lastName',
  Title: 'person.title',
  Department: 'person.department',
  Email: 'person.email',
  Phone: 'person.phone',
  'Reports To': 'person.reportsToName',
  'Annual Revenue': 'account.annualRevenue',
  'Account Currency': 'account.currency',
  'Billing Country': 'account.region',
};

describe('convertRows on a Salesforce report export (Windows-1252, title and total rows)', () => {
  for (const european of [false, true]) {
    it(`gives the 40 records without the totals, æøå intact${european ? ' (European: ";" and "1.234,56")' : ''}`, () => {
      const report = salesforceReportExport({ accounts: 8, contactsPerAccount: 5, seed: 3, european });
      const sheet = sheetFromBytes(report.csv);
      expect(sheet.encoding).toBe('windows-1252');
      expect(sheet.delimiter).toBe(european ? ';' : ',');
      expect(sheet.headers[0]).toBe('Account Name');
      expect(sheet.data).toHaveLength(40);
      expect(sheet.skipped.filter((s) => s.reason === 'total')).toHaveLength(1);

      const decimal = inferDecimalMark(sheet.data.map((r) => r.cells[9] ?? ''));
      expect(decimal).toBe(european ? ',' : '.');
      const out = convertRows(sheet, mapping(sheet, REPORT_MAP, { decimal }));
      expect(out.problems).toEqual([]);
      expectPeopleOf(report.model, out.people);
      expect(out.people[0]?.fields.name).toBe('Søren Ærø');
      out.people.forEach((p, i) => {
        const c = report.model.contacts[i]!;
        expect(p.sourceKey).toBeNull();
        expect(p.account).toEqual({ name: report.model.accounts[c.account]!.name });
        expect(p.reportsTo).toEqual(c.manager === null ? null : { name: fullName(report.model.contacts[c.manager]!) });
      });
      // One account record per account: the rows repeat it identically.
      expect(out.accounts.map((a) => a.fields.name)).toEqual(report.model.accounts.map((a) => a.name));
      expect(out.accounts.map((a) => a.fields.annualRevenue)).toEqual(report.model.accounts.map((a) => fixtureMinor(a) ?? undefined));
      expect(out.accounts.map((a) => a.fields.owner)).toEqual(report.model.accounts.map((a) => a.ownerName));
    });
  }
});

describe('convertRows on a HubSpot export', () => {
  const hs = hubspotExport({ accounts: 12, contactsPerAccount: 3, seed: 5 });

  it('reads companies (BOM, ISO date-times) and contacts with their company by id and name', () => {
    const companies = sheetFromBytes(hs.companiesCsv);
    expect(companies.bom).toBe(true);
    const dateOrder = inferDateOrder(companies.data.map((r) => r.cells[7] ?? '')).order;
    expect(dateOrder).toBe('ymd');
    const accounts = convertRows(
      companies,
      mapping(
        companies,
        {
          'Record ID': 'account.sourceId',
          'Company name': 'account.name',
          'Company Domain Name': 'account.website',
          Industry: 'account.industry',
          'Annual Revenue': 'account.annualRevenue',
          'Company owner': 'account.owner',
          'Create Date': 'account.contractStart',
        },
        { source: 'hubspot', dateOrder, defaultCurrency: 'DKK' },
      ),
    );
    expect(accounts.problems).toEqual([]);
    expect(accounts.accounts.map((a) => a.sourceKey)).toEqual(hs.companyIds.map((id) => `hubspot:${id}`));
    expect(accounts.accounts[0]?.fields.contractStart).toBe('2025-01-01');
    expect(accounts.accounts.map((a) => a.fields.annualRevenue)).toEqual(
      hs.model.accounts.map((a) => (a.annualRevenue === null ? undefined : a.annualRevenue * 100)),
    );

    const contacts = sheetFromBytes(hs.contactsCsv);
    const people = convertRows(
      contacts,
      mapping(
        contacts,
        {
          'Record ID': 'person.sourceId',
          'First Name': 'person.firstName',
          'Last Name': 'person.lastName',
          Email: 'person.email',
          'Job Title': 'person.title',
          'Phone Number': 'person.phone',
          'Associated Company': 'person.accountName',
          'Associated Company IDs': 'person.accountSourceId',
        },
        { source: 'hubspot' },
      ),
    );
    expect(people.problems).toEqual([]);
    expectPeopleOf(hs.model, people.people);
    people.people.forEach((p, i) => {
      const c = hs.model.contacts[i]!;
      expect(p.sourceKey).toBe(`hubspot:${hs.contactIds[i]}`);
      expect(p.account).toEqual({ sourceKey: `hubspot:${hs.companyIds[c.account]}`, name: hs.model.accounts[c.account]!.name });
      expect(p.reportsTo).toBeNull();
    });
  });
});

describe('convertRows on the special files', () => {
  it('passes a reporting loop through as it is (the plan reports it per row)', () => {
    const loop = reportingLoopExport(2);
    const sheet = sheetFromBytes(loop.contactsCsv);
    const out = convertRows(sheet, mapping(sheet, DL_CONTACTS));
    expect(out.problems).toEqual([]);
    const [a, b] = loop.loop;
    expect(out.people[0]).toMatchObject({ sourceKey: sfKey(a), reportsTo: { sourceKey: sfKey(b) } });
    expect(out.people[1]).toMatchObject({ sourceKey: sfKey(b), reportsTo: { sourceKey: sfKey(a) } });
  });

  it('refuses exactly the 500 bad rows, each with its line and reason, and keeps the good ones', () => {
    const file = badRowsExport({ good: 1500, bad: 500, seed: 9 });
    const sheet = sheetFromBytes(file.csv);
    const column = (h: string) => sheet.data.map((r) => r.cells[sheet.headers.indexOf(h)] ?? '');
    const dateOrder = inferDateOrder([...column('Contract Start'), ...column('Renewal Date')]);
    expect(dateOrder).toEqual({ order: 'dmy', ambiguous: false });
    const decimal = inferDecimalMark(column('ARR'));
    expect(decimal).toBe('.');
    const out = convertRows(
      sheet,
      mapping(
        sheet,
        {
          'Account Name': 'account.name',
          ARR: 'account.arr',
          Currency: 'account.currency',
          'Contract Start': 'account.contractStart',
          'Renewal Date': 'account.renewalDate',
          'First Name': 'person.firstName',
          'Last Name': 'person.lastName',
          Email: 'person.email',
        },
        { source: 'other', dateOrder: dateOrder.order, decimal },
      ),
    );
    const keyOf: Record<BadKind, string> = {
      date: 'csv.reason.dateInvalid',
      impossibleDate: 'csv.reason.dateImpossible',
      amount: 'csv.reason.moneyInvalid',
      negative: 'csv.reason.moneyNegative',
      abbreviated: 'csv.reason.moneyAbbreviated',
      email: 'csv.reason.emailInvalid',
      currency: 'csv.reason.currencyInvalid',
    };
    expect(out.problems.map((p) => [p.line, p.reason.key])).toEqual(file.bad.map((b) => [b.line, keyOf[b.kind]]));
    expect(out.accounts).toHaveLength(1500);
    expect(out.people).toHaveLength(1500);
    const badLines = new Set(file.bad.map((b) => b.line));
    expect(out.accounts.some((a) => badLines.has(a.line))).toBe(false);
    expect(out.accounts[0]?.fields.contractStart).toMatch(/^2025-\d\d-\d\d$/);
  });
});

describe('convertRows rules', () => {
  const sheetOf = (text: string) => readSheet(text);

  it('counts rows with nothing mapped as empty, and constants alone make no record', () => {
    const sheet = sheetOf('Name,Other\nAcme,x\n,only this\nBeta,\n');
    const out = convertRows(sheet, mapping(sheet, { Name: 'account.name' }, { constants: { 'account.region': 'Nordics' } }));
    expect(out.empty).toBe(1);
    expect(out.accounts.map((a) => [a.line, a.fields.name, a.fields.region])).toEqual([
      [2, 'Acme', 'Nordics'],
      [4, 'Beta', 'Nordics'],
    ]);
  });

  it('leaves out the fields of empty cells: an import never blanks what Waypoint has', () => {
    const sheet = sheetOf('Name,Industry,ARR,Renewal\nAcme,,,\n');
    const out = convertRows(
      sheet,
      mapping(sheet, { Name: 'account.name', Industry: 'account.industry', ARR: 'account.arr', Renewal: 'account.renewalDate' }),
    );
    expect(out.accounts[0]?.fields).toEqual({ name: 'Acme' });
  });

  it('takes a full name as written, else first + last; collapses spaces', () => {
    const sheet = sheetOf('Full,First,Last\n"Dr.  Søren Ærø",,\n, José , Müller \n');
    const out = convertRows(sheet, mapping(sheet, { Full: 'person.fullName', First: 'person.firstName', Last: 'person.lastName' }));
    expect(out.people.map((p) => p.fields.name)).toEqual(['Dr. Søren Ærø', 'José Müller']);
  });

  it('a combined row gives an account and a person belonging to it', () => {
    const sheet = sheetOf('Account ID,Account Name,Contact,Email\n001D000000IqhSLIAZ,Nordlys A/S,Søren Ærø,s@nordlys.dk\n');
    const out = convertRows(
      sheet,
      mapping(sheet, {
        'Account ID': 'account.sourceId',
        'Account Name': 'account.name',
        Contact: 'person.fullName',
        Email: 'person.email',
      }),
    );
    expect(out.accounts).toEqual([{ line: 2, sourceKey: 'salesforce:001D000000IqhSL', fields: { name: 'Nordlys A/S' } }]);
    expect(out.people).toEqual([
      {
        line: 2,
        sourceKey: null,
        account: { sourceKey: 'salesforce:001D000000IqhSL', name: 'Nordlys A/S' },
        fields: { name: 'Søren Ærø', email: 's@nordlys.dk' },
        reportsTo: null,
      },
    ]);
  });

  it('refuses the whole row for any bad field, one problem per field, with the line', () => {
    const long = 'x'.repeat(201);
    const sheet = sheetOf(`Account,ARR,Email\n${long},5,s@x.dk\nBeta,abc,not-an-email\nGamma,7,g@x.dk\n`);
    const out = convertRows(sheet, mapping(sheet, { Account: 'account.name', ARR: 'account.arr', Email: 'person.email' }));
    expect(out.problems).toEqual([
      { line: 2, kind: 'account', target: 'account.name', reason: { key: 'csv.reason.textTooLong', params: { max: 200, length: 201 } } },
      { line: 3, kind: 'account', target: 'account.arr', reason: { key: 'csv.reason.moneyInvalid', params: { value: 'abc' } } },
      { line: 3, kind: 'person', target: 'person.email', reason: { key: 'csv.reason.emailInvalid', params: { value: 'not-an-email' } } },
    ]);
    expect(out.accounts.map((a) => a.fields.name)).toEqual(['Gamma']);
    expect(out.people.map((p) => p.line)).toEqual([4]);
  });

  it('reads money in the row’s currency, else the default; refuses another currency’s sign and a bad code', () => {
    const sheet = sheetOf('Name,ARR,Cur\nA,"¥1,234",JPY\nB,"1,234.50",\nC,$5,EUR\nD,5,EURO\n');
    const out = convertRows(
      sheet,
      mapping(sheet, { Name: 'account.name', ARR: 'account.arr', Cur: 'account.currency' }, { defaultCurrency: 'GBP' }),
    );
    expect(out.accounts.map((a) => [a.fields.name, a.fields.arr, a.fields.currency])).toEqual([
      ['A', 1234, 'JPY'],
      ['B', 123_450, undefined],
    ]);
    expect(out.problems.map((p) => [p.line, p.reason.key])).toEqual([
      [4, 'csv.reason.moneyOtherCurrency'],
      [5, 'csv.reason.currencyInvalid'],
    ]);
  });

  it('refuses a Salesforce id that is not one, and reads Salesforce’s empty reference as none', () => {
    const sheet = sheetOf('Id,Name,ReportsToId\n001D000000IqhSLIAA,A,\n003D000000IqhSL,B,000000000000000AAA\n');
    const out = convertRows(
      sheet,
      mapping(sheet, { Id: 'person.sourceId', Name: 'person.fullName', ReportsToId: 'person.reportsToSourceId' }),
    );
    expect(out.problems.map((p) => [p.line, p.target, p.reason.key])).toEqual([[2, 'person.sourceId', 'csv.reason.idNotSalesforce']]);
    expect(out.people).toEqual([{ line: 3, sourceKey: 'salesforce:003D000000IqhSL', account: {}, fields: { name: 'B' }, reportsTo: null }]);
  });

  it('splits tags on ; or , and holds them to the account rules', () => {
    const sheet = sheetOf(`Name,Tags\nA,"key; strategic, Nordics"\nB,${'t'.repeat(41)}\n`);
    const out = convertRows(sheet, mapping(sheet, { Name: 'account.name', Tags: 'account.tags' }));
    expect(out.accounts[0]?.fields.tags).toEqual(['key', 'strategic', 'Nordics']);
    expect(out.problems.map((p) => p.reason.key)).toEqual(['csv.reason.tagTooLong']);
  });

  it('keeps an account repeated with other values (the plan decides), drops exact repeats', () => {
    const sheet = sheetOf('Name,Industry\nAcme,Retail\nAcme,Retail\nAcme,Banking\n');
    const out = convertRows(sheet, mapping(sheet, { Name: 'account.name', Industry: 'account.industry' }));
    expect(out.accounts.map((a) => [a.line, a.fields.industry])).toEqual([
      [2, 'Retail'],
      [4, 'Banking'],
    ]);
  });
});

describe('convertRows and formula-safe files', () => {
  it('takes off the apostrophe a formula-safe export put before = + - @ (and only there)', () => {
    const sheet = readSheet("Name,Phone,Notes\n'=HYPERLINK(\"x\"),'+45 1234 5678,'@SUM(A1)\n'-1+2,'-42,''=kept\n'plain,,'\n");
    const out = convertRows(
      sheet,
      mapping(
        sheet,
        { Name: 'person.fullName', Phone: 'person.phone', Notes: 'person.notes' },
        { constants: { 'person.accountName': 'Acme' } },
      ),
    );
    expect(out.problems).toEqual([]);
    expect(out.people.map((p) => [p.fields.name, p.fields.phone, p.fields.notes])).toEqual([
      ['=HYPERLINK("x")', '+45 1234 5678', '@SUM(A1)'],
      // "-42" is never escaped (a number), so "'-42" is the user's own text; one apostrophe of two goes.
      ['-1+2', "'-42", "'=kept"],
      ["'plain", undefined, "'"],
    ]);
  });
});
