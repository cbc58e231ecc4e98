import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEmptySalesforceId, looksLikeSalesforceId, salesforceChecksum, salesforceId18, salesforceKey, sourceKeyOf } from './ids';

describe('Salesforce ids', () => {
  it('computes the 18-character checksum (Salesforce’s documented example)', () => {
    expect(salesforceChecksum('001D000000IqhSL')).toBe('IAZ');
    expect(salesforceId18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
  });

  it('normalises the 15- and 18-character forms of one record to one key', () => {
    expect(salesforceKey('001D000000IqhSL')).toBe('001D000000IqhSL');
    expect(salesforceKey('001D000000IqhSLIAZ')).toBe('001D000000IqhSL');
    expect(salesforceKey(' 001D000000IqhSLiaz ')).toBe('001D000000IqhSL');
  });

  it('keeps case in the 15-character key: ids differing only in case are different records', () => {
    expect(salesforceKey('001D000000IQHSL')).not.toBe(salesforceKey('001D000000IqhSL'));
  });

  it('refuses an 18-character id with a wrong checksum (e.g. lower-cased by a spreadsheet)', () => {
    expect(salesforceKey('001D000000IqhSLIAA')).toBeNull();
    expect(salesforceKey('001d000000iqhsliaz')).toBeNull();
    expect(looksLikeSalesforceId('001d000000iqhsliaz')).toBe(false);
  });

  it('refuses text of other lengths or characters', () => {
    for (const s of ['', '001D000000IqhS', '001D000000IqhSLI', '001D000000IqhSLIAZ1', '001D000000Iqh-L', 'Nordlys A/S']) {
      expect(salesforceKey(s)).toBeNull();
    }
  });

  it('every 15-character id and its 18-character form give the same key', () => {
    const id15 = fc.string({
      unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 15,
      maxLength: 15,
    });
    fc.assert(
      fc.property(id15, (id) => {
        expect(salesforceKey(salesforceId18(id))).toBe(id);
        expect(salesforceKey(id)).toBe(id);
      }),
    );
  });
});

describe('sourceKeyOf', () => {
  it('prefixes the source and normalises Salesforce ids', () => {
    expect(sourceKeyOf('salesforce', '001D000000IqhSLIAZ')).toBe('salesforce:001D000000IqhSL');
    expect(sourceKeyOf('salesforce', '001D000000IqhSL')).toBe('salesforce:001D000000IqhSL');
    expect(sourceKeyOf('hubspot', ' 9000000123 ')).toBe('hubspot:9000000123');
    expect(sourceKeyOf('other', ' CUST-7 ')).toBe('other:CUST-7');
  });

  it('gives null for empty cells, Salesforce’s empty reference and non-ids', () => {
    expect(sourceKeyOf('hubspot', '  ')).toBeNull();
    expect(sourceKeyOf('salesforce', '000000000000000')).toBeNull();
    expect(sourceKeyOf('salesforce', '000000000000000AAA')).toBeNull();
    expect(isEmptySalesforceId('000000000000000AAA')).toBe(true);
    expect(sourceKeyOf('salesforce', 'Nordlys A/S')).toBeNull();
  });
});
