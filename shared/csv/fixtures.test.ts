import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decode';
import {
  badRowsExport,
  fixtureModel,
  hubspotExport,
  reportingLoopExport,
  salesforceDataLoaderExport,
  salesforceReportExport,
} from './fixtures';
import { salesforceKey } from './ids';
import { sheetFromBytes } from './sheet';

describe('fixtures', () => {
  it('are deterministic from the seed', () => {
    const a = salesforceDataLoaderExport({ accounts: 20, contactsPerAccount: 3, seed: 4 });
    const b = salesforceDataLoaderExport({ accounts: 20, contactsPerAccount: 3, seed: 4 });
    const c = salesforceDataLoaderExport({ accounts: 20, contactsPerAccount: 3, seed: 5 });
    expect(a.contactsCsv).toEqual(b.contactsCsv);
    expect(a.accountsCsv).toEqual(b.accountsCsv);
    expect(a.contactsCsv).not.toEqual(c.contactsCsv);
    expect(badRowsExport({ good: 50, bad: 10, seed: 1 })).toEqual(badRowsExport({ good: 50, bad: 10, seed: 1 }));
  });

  it('give unique 18-character Salesforce ids with correct checksums, and a reporting tree per account', () => {
    const m = fixtureModel({ accounts: 200, contactsPerAccount: 6, seed: 8 });
    const ids = [...m.accounts.map((a) => a.id), ...m.contacts.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(salesforceKey(id)).toBe(id.slice(0, 15));
    expect(new Set(m.accounts.map((a) => a.name)).size).toBe(200);
    m.contacts.forEach((c, i) => {
      if (c.manager === null) return;
      expect(c.manager).toBeLessThan(i);
      expect(m.contacts[c.manager]!.account).toBe(c.account);
    });
    expect(m.contacts.filter((c) => c.manager === null)).toHaveLength(200);
  });

  it('write the bytes each tool writes', () => {
    const dl = salesforceDataLoaderExport({ accounts: 2, contactsPerAccount: 2, seed: 1 });
    expect(decodeCsvBytes(dl.contactsCsv)).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(decodeCsvBytes(dl.accountsCsv).text.startsWith('"Id","Name","Industry","AnnualRevenue","OwnerId","CurrencyIsoCode"')).toBe(true);

    const report = salesforceReportExport({ accounts: 1, contactsPerAccount: 2, seed: 1 });
    // "Søren Ærø" in Windows-1252: ø = 0xF8, Æ = 0xC6.
    const text = new TextDecoder('latin1').decode(report.csv);
    expect(text).toContain('"Søren","Ærø"');
    expect([...report.csv].includes(0xf8)).toBe(true);
    expect(decodeCsvBytes(report.csv).encoding).toBe('windows-1252');
    expect(decodeCsvBytes(report.csv).text).toContain('"Grand Totals (2 records)"');

    const hs = hubspotExport({ accounts: 1, contactsPerAccount: 1, seed: 1 });
    expect([...hs.contactsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(hs.companiesCsv).text.split('\r\n')[0]).toBe(
      'Record ID,Company name,Company Domain Name,Industry,Annual Revenue,Company owner,Country/Region,Create Date',
    );
  });

  it('make a loop of two people in the loop file', () => {
    const loop = reportingLoopExport();
    const [a, b] = loop.model.contacts;
    expect(a?.manager).toBe(1);
    expect(b?.manager).toBe(0);
    expect(loop.loop).toEqual([a?.id, b?.id]);
  });

  it('spread the bad rows among the good ones', () => {
    const file = badRowsExport({ good: 1500, bad: 500, seed: 2 });
    expect(file.bad).toHaveLength(500);
    const lines = file.bad.map((b) => b.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(lines[0]).toBeLessThan(100);
    expect(lines.at(-1)).toBeGreaterThan(1900);
  });

  it('make 10,000 accounts × 6 contacts fast, and the parser reads them all', () => {
    const t0 = performance.now();
    const big = salesforceDataLoaderExport({ accounts: 10_000, contactsPerAccount: 6, seed: 1 });
    const made = performance.now() - t0;
    expect(made).toBeLessThan(30_000);
    const contacts = sheetFromBytes(big.contactsCsv);
    expect(contacts.data).toHaveLength(60_000);
    expect(contacts.data[59_999]?.cells[0]).toBe(big.model.contacts[59_999]?.id);
  }, 60_000);
});
