import { describe, expect, it } from 'vitest';
import {
  applyPreset,
  autoMap,
  describeMatch,
  detectFileKind,
  detectSource,
  matchReason,
  missingRequirements,
  normaliseHeader,
  presetFromMapping,
  readPreset,
  TARGETS,
} from './fields';
import { salesforceId18 } from './ids';
import { ACCOUNT_TARGETS, PERSON_TARGETS, type CsvMapping, type TargetId } from './types';

/** The mapping as { header: field } for readable expectations (ignored columns left out). */
function mapped(headers: readonly string[], m: Pick<CsvMapping, 'columns'>): Record<string, TargetId> {
  const out: Record<string, TargetId> = {};
  headers.forEach((h, i) => {
    const t = m.columns[i];
    if (t) out[h] = t;
  });
  return out;
}

const sfAccountId = (n: number) => salesforceId18(`0015g00000Ab${String(n).padStart(3, '0')}`);
const sfContactId = (n: number) => salesforceId18(`0035g00000Cd${String(n).padStart(3, '0')}`);
const sfUserId = (n: number) => salesforceId18(`0055g00000Us${String(n).padStart(3, '0')}`);

describe('targets', () => {
  it('gives every account and person field a kind, a record and a requirement group', () => {
    for (const t of ACCOUNT_TARGETS) expect(TARGETS[t].record).toBe('account');
    for (const t of PERSON_TARGETS) expect(TARGETS[t].record).toBe('person');
    expect(TARGETS['account.arr'].kind).toBe('money');
    expect(TARGETS['account.renewalDate'].kind).toBe('date');
    expect(TARGETS['person.email'].kind).toBe('email');
    expect(TARGETS['account.tags'].kind).toBe('list');
  });

  it('says what a mapping is missing to make a record', () => {
    const none = { columns: [], constants: {} };
    expect(missingRequirements(none)).toEqual(['accountName']);
    expect(missingRequirements({ columns: ['account.sourceId', 'account.arr'], constants: {} })).toEqual(['accountName']);
    expect(missingRequirements({ columns: ['account.name', null], constants: {} })).toEqual([]);
    expect(missingRequirements({ columns: ['person.email', 'person.title'], constants: {} })).toEqual(['personName', 'personAccount']);
    expect(missingRequirements({ columns: ['person.lastName', 'person.accountSourceId'], constants: {} })).toEqual([]);
    expect(missingRequirements({ columns: ['person.fullName'], constants: { 'person.accountName': 'Acme' } })).toEqual([]);
    expect(missingRequirements({ columns: ['person.fullName'], constants: { 'person.accountName': '  ' } })).toEqual(['personAccount']);
    // A file of both: the row's account is the person's account, and it needs its name.
    expect(missingRequirements({ columns: ['account.name', 'person.fullName'], constants: {} })).toEqual([]);
    expect(missingRequirements({ columns: ['account.industry', 'person.fullName', 'person.accountName'], constants: {} })).toEqual([
      'accountName',
    ]);
  });
});

describe('normaliseHeader', () => {
  it('ignores case, spaces, underscores, dots and accents', () => {
    for (const h of ['Account Name', 'account_name', 'ACCOUNT NAME', 'AccountName', ' account.name '])
      expect(normaliseHeader(h)).toBe('accountname');
    expect(normaliseHeader('Région')).toBe('region');
  });
});

describe('autoMap by alias', () => {
  it('maps a Salesforce Data Loader export of accounts by API names (custom fields by their label)', () => {
    const headers = [
      'Id',
      'Name',
      'Website',
      'Industry',
      'AnnualRevenue',
      'OwnerId',
      'CurrencyIsoCode',
      'BillingCountry',
      'Type',
      'ARR__c',
    ];
    const samples = [[sfAccountId(1), 'Acme', 'acme.com', 'Retail', '5000000', sfUserId(1), 'EUR', 'Denmark', 'Customer', '120000']];
    const m = autoMap(headers, samples);
    expect(m.source).toBe('salesforce');
    expect(mapped(headers, m)).toEqual({
      Id: 'account.sourceId',
      Name: 'account.name',
      Website: 'account.website',
      Industry: 'account.industry',
      AnnualRevenue: 'account.annualRevenue',
      // A user id is no owner's name: left for the user (or an Owner.Name column).
      CurrencyIsoCode: 'account.currency',
      BillingCountry: 'account.region',
      Type: 'account.tags',
      ARR__c: 'account.arr',
    });
    expect(m).toMatchObject({ constants: {}, dateOrder: null, decimal: '.', defaultCurrency: '' });
  });

  it('maps a Salesforce export of contacts by API names; a second phone column is left for the user', () => {
    const headers = [
      'Id',
      'AccountId',
      'FirstName',
      'LastName',
      'Name',
      'Title',
      'Department',
      'Email',
      'Phone',
      'MobilePhone',
      'ReportsToId',
      'Owner.Name',
      'Description',
    ];
    const m = autoMap(headers, [
      [sfContactId(1), sfAccountId(1), 'Ada', 'Lovelace', 'Ada Lovelace', 'CTO', 'IT', 'ada@acme.com', '1', '2', sfContactId(2), 'Me', ''],
    ]);
    expect(m.source).toBe('salesforce');
    expect(mapped(headers, m)).toEqual({
      Id: 'person.sourceId',
      AccountId: 'person.accountSourceId',
      FirstName: 'person.firstName',
      LastName: 'person.lastName',
      Name: 'person.fullName',
      Title: 'person.title',
      Department: 'person.department',
      Email: 'person.email',
      Phone: 'person.phone',
      ReportsToId: 'person.reportsToSourceId',
      'Owner.Name': 'person.ourOwner',
      Description: 'person.notes',
    });
  });

  it('maps Salesforce report labels of accounts and of contacts', () => {
    const accounts = ['Account Name', 'Account Owner', 'Industry', 'Annual Revenue', 'Website', 'Billing Country', 'Account ID'];
    const a = autoMap(accounts, []);
    expect(a.source).toBe('salesforce');
    expect(mapped(accounts, a)).toEqual({
      'Account Name': 'account.name',
      'Account Owner': 'account.owner',
      Industry: 'account.industry',
      'Annual Revenue': 'account.annualRevenue',
      Website: 'account.website',
      'Billing Country': 'account.region',
      'Account ID': 'account.sourceId',
    });

    const contacts = [
      'Contact ID',
      'First Name',
      'Last Name',
      'Title',
      'Email',
      'Reports To',
      'Reports To ID',
      'Contact Owner',
      'Account Name',
      'Account ID',
      'Account Owner',
    ];
    const c = autoMap(contacts, []);
    expect(c.source).toBe('salesforce');
    expect(mapped(contacts, c)).toEqual({
      'Contact ID': 'person.sourceId',
      'First Name': 'person.firstName',
      'Last Name': 'person.lastName',
      Title: 'person.title',
      Email: 'person.email',
      'Reports To': 'person.reportsToName',
      'Reports To ID': 'person.reportsToSourceId',
      'Contact Owner': 'person.ourOwner',
      'Account Name': 'person.accountName',
      'Account ID': 'person.accountSourceId',
    });
  });

  it('maps HubSpot export labels; "Record ID" is the company in a companies file and the contact in a contacts file', () => {
    const companies = ['Record ID', 'Company name', 'Company Domain Name', 'Annual Revenue', 'Industry', 'Country/Region', 'Company owner'];
    const a = autoMap(companies, [['8123456789', 'Acme', 'acme.com', '1000000', 'RETAIL', 'Denmark', 'Me']]);
    expect(a.source).toBe('hubspot');
    expect(mapped(companies, a)).toEqual({
      'Record ID': 'account.sourceId',
      'Company name': 'account.name',
      'Company Domain Name': 'account.website',
      'Annual Revenue': 'account.annualRevenue',
      Industry: 'account.industry',
      'Country/Region': 'account.region',
      'Company owner': 'account.owner',
    });

    const contacts = [
      'Record ID',
      'First Name',
      'Last Name',
      'Job Title',
      'Email',
      'Phone Number',
      'Associated Company',
      'Associated Company IDs',
      'Contact owner',
    ];
    const c = autoMap(contacts, [['51', 'Ada', 'Lovelace', 'CTO', 'ada@acme.com', '+45 1', 'Acme', '8123456789', 'Me']]);
    expect(c.source).toBe('hubspot');
    expect(mapped(contacts, c)).toEqual({
      'Record ID': 'person.sourceId',
      'First Name': 'person.firstName',
      'Last Name': 'person.lastName',
      'Job Title': 'person.title',
      Email: 'person.email',
      'Phone Number': 'person.phone',
      'Associated Company': 'person.accountName',
      'Associated Company IDs': 'person.accountSourceId',
      'Contact owner': 'person.ourOwner',
    });
  });

  it('maps the plain names of a spreadsheet; ARR is ours, Annual Revenue is the customer’s', () => {
    const headers = ['Company', 'Customer since', 'ARR', 'Potential', 'Renewal date', 'Owner', 'Tags', 'Notes', 'Annual Revenue'];
    const m = autoMap(headers, []);
    expect(m.source).toBe('other');
    expect(mapped(headers, m)).toEqual({
      Company: 'account.name',
      'Customer since': 'account.contractStart',
      ARR: 'account.arr',
      Potential: 'account.potentialArr',
      'Renewal date': 'account.renewalDate',
      Owner: 'account.owner',
      Tags: 'account.tags',
      Notes: 'account.notes',
      'Annual Revenue': 'account.annualRevenue',
    });
    expect(
      mapped(
        ['Customer', 'Annual Recurring Revenue', 'Contract start'],
        autoMap(['Customer', 'Annual Recurring Revenue', 'Contract start'], []),
      ),
    ).toEqual({
      Customer: 'account.name',
      'Annual Recurring Revenue': 'account.arr',
      'Contract start': 'account.contractStart',
    });
  });

  it('reads the decimal mark of the money columns and the date order of the date columns from their values', () => {
    const headers = ['Account Name', 'ARR', 'Renewal date', 'Notes'];
    const rows = [
      ['Acme', '1.234,56', '03/04/2026', '1,5'],
      ['Beta', '12.000,00', '31/03/2026', ''],
    ];
    expect(autoMap(headers, rows)).toMatchObject({ decimal: ',', dateOrder: 'dmy' });
    expect(autoMap(headers, [['Acme', '1,234.56', '03/04/2026', '']])).toMatchObject({ decimal: '.', dateOrder: null });
  });

  it('matches whatever the case, spacing and punctuation', () => {
    for (const h of ['Account Name', 'account_name', 'ACCOUNT NAME', 'AccountName', 'account-name']) {
      expect(autoMap([h, 'Industry'], []).columns[0]).toBe('account.name');
    }
  });
});

describe('autoMap by close names', () => {
  it('matches abbreviations, typos and qualified names', () => {
    const headers = ['Acct Name', 'Industy', 'Annual Revenue (USD)', 'Potential ARR (EUR)', 'Next Renewal Date', 'acountowner'];
    const m = autoMap(headers, [['Acme', 'Retail', '1000', '2000', '2025-01-01', 'Me']]);
    expect(mapped(headers, m)).toEqual({
      'Acct Name': 'account.name',
      Industy: 'account.industry',
      'Annual Revenue (USD)': 'account.annualRevenue',
      'Potential ARR (EUR)': 'account.potentialArr',
      'Next Renewal Date': 'account.renewalDate',
      acountowner: 'account.owner',
    });
  });

  it('leaves alone what only looks similar', () => {
    const headers = ['Parent Account ID', 'Account Name', 'Last Modified Date', 'Shipping Country', 'Date'];
    expect(mapped(headers, autoMap(headers, []))).toEqual({ 'Account Name': 'account.name' });
    const contacts = ['First Name', 'Last Name', 'Email Opt Out', 'Secondary Email'];
    expect(mapped(contacts, autoMap(contacts, []))).toEqual({ 'First Name': 'person.firstName', 'Last Name': 'person.lastName' });
  });

  it('lets the sample values refuse a close name that does not fit (no digits for money, no @ for an e-mail)', () => {
    const headers = ['Account Name', 'Annual Revenue Range'];
    expect(autoMap(headers, [['Acme', '1M-10M']]).columns[1]).toBe('account.annualRevenue');
    expect(
      autoMap(headers, [
        ['Acme', 'Large'],
        ['Beta', 'Small'],
      ]).columns[1],
    ).toBeNull();
    const contacts = ['Full Name', 'Account Name', 'E-mails'];
    expect(autoMap(contacts, [['Ada', 'Acme', 'ada@acme.com']]).columns[2]).toBe('person.email');
    expect(autoMap(contacts, [['Ada', 'Acme', 'yes']]).columns[2]).toBeNull();
  });

  it('never puts two columns on one field: the exact alias beats the close name, the earlier alias the later', () => {
    expect(autoMap(['Acct Name', 'Account Name'], []).columns).toEqual([null, 'account.name']);
    expect(autoMap(['Account Name', 'Acct Name'], []).columns).toEqual(['account.name', null]);
    expect(autoMap(['Company Domain Name', 'Website'], []).columns).toEqual([null, 'account.website']);
    expect(autoMap(['Acme Name', 'Acct Name'], []).columns).toEqual([null, 'account.name']);
    const crowded = [
      'Name',
      'Account Name',
      'Company',
      'Customer',
      'Acct Name',
      'Owner',
      'Account Owner',
      'OwnerId',
      'Region',
      'Country',
      'BillingState',
    ];
    const targets = autoMap(crowded, []).columns.filter((t) => t !== null);
    expect(new Set(targets).size).toBe(targets.length);
    expect(mapped(crowded, autoMap(crowded, []))).toEqual({ Name: 'account.name', OwnerId: 'account.owner', Region: 'account.region' });
  });
});

describe('the kind of file decides Name and Id', () => {
  it('reads Name as the account in a file of companies and as the contact in a file of contacts', () => {
    expect(autoMap(['Id', 'Name', 'Industry'], []).columns).toEqual(['account.sourceId', 'account.name', 'account.industry']);
    expect(autoMap(['Id', 'Name', 'FirstName', 'LastName', 'AccountId'], []).columns).toEqual([
      'person.sourceId',
      'person.fullName',
      'person.firstName',
      'person.lastName',
      'person.accountSourceId',
    ]);
    expect(detectFileKind(['Name', 'Email', 'Company'])).toBe('contacts');
    expect(autoMap(['Name', 'Email', 'Company'], []).columns).toEqual(['person.fullName', 'person.email', 'person.accountName']);
    expect(detectFileKind(['Name', 'Website', 'Phone'])).toBe('accounts');
  });

  it('lets Salesforce ids in the Id column decide when the headers cannot (001 accounts, 003 contacts)', () => {
    expect(autoMap(['Id', 'Name'], [[sfAccountId(1), 'Acme']]).columns).toEqual(['account.sourceId', 'account.name']);
    expect(autoMap(['Id', 'Name'], [[sfContactId(1), 'Ada Lovelace']]).columns).toEqual(['person.sourceId', 'person.fullName']);
  });

  it('reads a row per contact with its account beside it as both: the account columns fill the row’s account', () => {
    const report = [
      'Account Name',
      'Account Owner',
      'First Name',
      'Last Name',
      'Title',
      'Email',
      'Reports To',
      'Annual Revenue',
      'Account Currency',
      'Billing Country',
    ];
    expect(detectFileKind(report)).toBe('both');
    expect(mapped(report, autoMap(report, []))).toEqual({
      'Account Name': 'account.name',
      'Account Owner': 'account.owner',
      'First Name': 'person.firstName',
      'Last Name': 'person.lastName',
      Title: 'person.title',
      Email: 'person.email',
      'Reports To': 'person.reportsToName',
      'Annual Revenue': 'account.annualRevenue',
      'Account Currency': 'account.currency',
      'Billing Country': 'account.region',
    });
    const sheet = ['Account Name', 'ARR', 'Currency', 'Contract Start', 'Renewal Date', 'First Name', 'Last Name', 'Email'];
    expect(detectFileKind(sheet)).toBe('both');
    expect(missingRequirements(autoMap(sheet, []))).toEqual([]);
    // A contact report naming its account only is a file of contacts; a company's e-mail column makes no contacts.
    expect(detectFileKind(['Contact ID', 'Full Name', 'Account Name', 'Account Owner'])).toBe('contacts');
    expect(detectFileKind(['Account Name', 'Industry', 'Email'])).toBe('accounts');
    expect(autoMap(['Account Name', 'Industry', 'Email'], []).columns).toEqual(['account.name', 'account.industry', null]);
  });
});

describe('detectSource', () => {
  it('knows Salesforce by its ids even under plain headers, and by labels only Salesforce writes', () => {
    expect(detectSource(['ID', 'Company'], [[sfAccountId(7), 'Acme']])).toBe('salesforce');
    expect(detectSource(['ID', 'Company'], [[sfAccountId(7).toLowerCase(), 'Acme']])).toBe('other');
    expect(detectSource(['ID', 'Company'], [['123456789012345', 'Acme']])).toBe('other');
    expect(detectSource(['Company', 'Region__c'])).toBe('salesforce');
    expect(detectSource(['Account Name', 'Industry'])).toBe('salesforce');
    expect(detectSource(['Account ID', 'Account Name'], [['C-1001', 'Acme']])).toBe('other');
    expect(detectSource(['Record ID', 'Associated Company', 'Email'])).toBe('hubspot');
    expect(detectSource(['Name', 'Website', 'Industry', 'Email', 'Title'])).toBe('other');
  });
});

describe('matchReason', () => {
  it('names the kind of alias, preferring the one of the file’s source', () => {
    expect(matchReason('AnnualRevenue', 'account.annualRevenue', 'salesforce')).toEqual({ key: 'csv.match.salesforceApi' });
    expect(matchReason('Annual Revenue', 'account.annualRevenue', 'salesforce')).toEqual({ key: 'csv.match.salesforceReport' });
    expect(matchReason('Annual Revenue', 'account.annualRevenue', 'hubspot')).toEqual({ key: 'csv.match.hubspot' });
    expect(matchReason('ARR', 'account.arr')).toEqual({ key: 'csv.match.common' });
    expect(matchReason('ARR__c', 'account.arr', 'salesforce')).toEqual({ key: 'csv.match.salesforceCustom' });
    expect(matchReason('Account Name', 'person.accountName')).toEqual({ key: 'csv.match.salesforceReport' });
  });

  it('names the alias a close name is close to, and nothing for a choice of the user', () => {
    expect(matchReason('Acct Name', 'account.name')).toEqual({ key: 'csv.match.close', params: { name: 'Account Name' } });
    expect(matchReason('Email', 'account.notes')).toBeNull();
    const headers = ['Acct Name', 'Email', 'Industry'];
    expect(describeMatch(headers, { source: 'other', columns: ['account.name', null, 'account.region'] })).toEqual([
      { key: 'csv.match.close', params: { name: 'Account Name' } },
      null,
      null,
    ]);
  });
});

describe('presets', () => {
  const headers = ['Account ID', 'Account Name', 'Industry', 'Annual Revenue', 'Website', 'Rating'];
  const auto = autoMap(headers, []);
  // The user ignores Website, maps Rating to tags and sets a region for every row.
  const mapping: CsvMapping = {
    ...auto,
    columns: auto.columns.map((t, i) => (headers[i] === 'Website' ? null : headers[i] === 'Rating' ? 'account.tags' : t)),
    constants: { 'account.region': 'Nordics' },
    decimal: ',',
    dateOrder: 'dmy',
    defaultCurrency: 'DKK',
  };

  it('survive a reordered file: columns are found by name, a gone column is dropped, a new one auto-matched', () => {
    const stored: unknown = JSON.parse(JSON.stringify(presetFromMapping(headers, mapping)));
    const preset = readPreset(stored);
    expect(preset).not.toBeNull();
    if (!preset) return;
    const next = ['Rating', 'website', 'ACCOUNT NAME', 'Account ID', 'Account Owner', 'Billing Country'];
    const applied = applyPreset(next, preset);
    expect(mapped(next, applied)).toEqual({
      Rating: 'account.tags',
      'ACCOUNT NAME': 'account.name',
      'Account ID': 'account.sourceId',
      // New: matched; Billing Country is not, the preset's constant fills the region.
      'Account Owner': 'account.owner',
    });
    expect(applied).toMatchObject({
      source: 'salesforce',
      constants: { 'account.region': 'Nordics' },
      decimal: ',',
      dateOrder: 'dmy',
      defaultCurrency: 'DKK',
    });
  });

  it('keep a repeated header apart, column by column', () => {
    const twice = ['Name', 'Phone', 'Phone', 'Account Name'];
    const m: CsvMapping = {
      ...autoMap(['Name', 'Email', 'Account Name'], []),
      columns: ['person.fullName', 'person.phone', null, 'person.accountName'],
    };
    const preset = readPreset(JSON.parse(JSON.stringify(presetFromMapping(twice, m))));
    expect(preset && applyPreset(['Phone', 'Account Name', 'Phone', 'Name'], preset).columns).toEqual([
      'person.phone',
      'person.accountName',
      null,
      'person.fullName',
    ]);
  });

  it('reject anything stored that presetFromMapping would not write', () => {
    const good = JSON.parse(JSON.stringify(presetFromMapping(headers, mapping))) as Record<string, unknown>;
    expect(readPreset(good)).toEqual(good);
    const broken: unknown[] = [
      null,
      'preset',
      42,
      [],
      { ...good, version: 2 },
      { ...good, source: 'pipedrive' },
      { ...good, columns: 'Account Name' },
      { ...good, columns: [['Account Name']] },
      { ...good, columns: [['Account Name', 'account.nonsense']] },
      { ...good, columns: [[7, 'account.name']] },
      {
        ...good,
        columns: [
          ['Account Name', 'account.name'],
          ['Company', 'account.name'],
        ],
      },
      { ...good, columns: [['x'.repeat(5000), 'account.name']] },
      { ...good, columns: Array.from({ length: 5000 }, (_, i) => [`c${i}`, null]) },
      { ...good, constants: { 'account.region': 5 } },
      { ...good, constants: { stance: 'champion' } },
      JSON.parse(
        '{"version":1,"source":"other","columns":[],"constants":{"__proto__":{"x":"y"}},"dateOrder":null,"decimal":".","defaultCurrency":""}',
      ),
      { ...good, constants: [] },
      { ...good, dateOrder: 'dym' },
      { ...good, decimal: ' ' },
      { ...good, defaultCurrency: 'eur' },
      { ...good, defaultCurrency: undefined },
    ];
    for (const raw of broken) expect(readPreset(raw)).toBeNull();
  });
});

describe('owner ids', () => {
  it('leaves OwnerId unmapped when it holds Salesforce user ids, and maps Owner.Name', () => {
    const headers = ['Id', 'Name', 'OwnerId', 'Owner.Name'];
    const rows = [['0015g00000AbCdEAAV', 'Acme', '0055g00000XyZabAAA', 'Mette Lund']];
    const fixed = rows.map((r) => r.map((v, i) => (i === 0 || i === 2 ? salesforceId18(v.slice(0, 15)) : v)));
    const m = autoMap(headers, fixed);
    expect(m.columns[2]).toBeNull();
    expect(m.columns[3]).toBe('account.owner');
  });
});

describe("Waypoint's own export", () => {
  const uuid = (n: number) => `5b0c7c52-6a43-4c1e-9a3e-0f5f0c3b9a${String(n).padStart(2, '0')}`;

  it('maps "Waypoint ID" to the record’s source id in a file of accounts and in a file of contacts, read as another system’s ids', () => {
    const accounts = autoMap(['Waypoint ID', 'Account Name', 'Website'], [[uuid(1), 'Nordlys', 'nordlys.dk']]);
    expect(mapped(['Waypoint ID', 'Account Name', 'Website'], accounts)).toEqual({
      'Waypoint ID': 'account.sourceId',
      'Account Name': 'account.name',
      Website: 'account.website',
    });
    expect(accounts.source).toBe('other');
    const headers = ['Waypoint ID', 'Full name', 'Email', 'Account ID', 'Manager ID'];
    const contacts = autoMap(headers, [[uuid(2), 'Ida', 'ida@nordlys.dk', uuid(1), uuid(3)]]);
    expect(mapped(headers, contacts)).toEqual({
      'Waypoint ID': 'person.sourceId',
      'Full name': 'person.fullName',
      Email: 'person.email',
      'Account ID': 'person.accountSourceId',
      'Manager ID': 'person.reportsToSourceId',
    });
    expect(contacts.source).toBe('other');
    expect(matchReason('Waypoint ID', 'account.sourceId')).toEqual({ key: 'csv.match.common' });
  });
});
