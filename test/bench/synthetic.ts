import { defaultAccountFields, SIZE_CLASSES, type AccountFields, type Bucket } from '@shared/domain/account';
import { asMinor } from '@shared/domain/money';
import { addDays, asIsoDate } from '@shared/domain/dates';

const WORDS = ['Nordic', 'Atlas', 'Meridian', 'Kestrel', 'Orchid', 'Hanse', 'Brightline', 'Sakura', 'Lumen', 'Pico', 'Fjord', 'Vereinigte', 'Summit', 'Harbor', 'Granite', 'Cobalt'];
const KINDS = ['Shipping', 'Retail', 'Health', 'Energy', 'Insurance', 'Pharma', 'Telecom', 'Analytics', 'Robotics', 'Logistics', 'Steel', 'Foods'];
const OWNERS = ['Mette Lund', 'Lukas Brandt', 'Priya Shah', 'Sanne de Vries', 'Chris Walker', 'Wei Chen', 'Ana Souza', 'Tom Reid'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'DKK', 'SEK', 'JPY'];

/** Deterministic synthetic accounts for benchmarks: realistic field sizes, varied values. */
export function syntheticAccounts(count: number, seed = 1): Array<Partial<AccountFields>> {
  const out: Array<Partial<AccountFields>> = [];
  const base = asIsoDate('2026-01-01');
  for (let i = 0; i < count; i++) {
    const k = i * 7919 + seed * 104729;
    const arr = 10_000 + (k % 5_000_000);
    out.push(
      defaultAccountFields({
        name: `${WORDS[k % WORDS.length]} ${KINDS[(k >> 3) % KINDS.length]} ${i + 1}`,
        industry: KINDS[(k >> 5) % KINDS.length]!,
        region: ['Nordics', 'DACH', 'Benelux', 'APAC', 'North America'][k % 5]!,
        currency: CURRENCIES[k % CURRENCIES.length]!,
        owner: OWNERS[k % OWNERS.length]!,
        sizeClass: SIZE_CLASSES[k % 3]!,
        arr: asMinor(arr * 100),
        potentialArr: asMinor(arr * 100 * (1 + (k % 20))),
        bucket: (((k >> 2) % 4) + 1) as Bucket,
        renewalDate: addDays(base, k % 700),
        supportHours: k % 300,
        tags: i % 3 === 0 ? ['strategic'] : [],
        notes: i % 10 === 0 ? 'Quarterly business review scheduled; champion in operations.' : '',
      }),
    );
  }
  return out;
}
