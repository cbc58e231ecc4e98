import type { AnyRow } from '@shared/sync/merge';
import { asMinor } from '@shared/domain/money';
import { MONEY_FIELD_NAMES } from '@shared/domain/tables';
import { i18next } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';

/** "Account", "Plan", "Person"… for a table name (unknown tables show their own name). */
export function tableLabel(table: string): string {
  return i18next.exists(`sync.tables.${table}`) ? i18next.t(`sync.tables.${table}`) : table;
}

/** The row's own name where it has one. */
export function rowLabel(row: AnyRow | undefined, fallbackId: string): string {
  const r = row as Record<string, unknown> | undefined;
  for (const key of ['name', 'title', 'label', 'quarter']) {
    const v = r?.[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return fallbackId.slice(0, 8);
}

/** "nextReview" → "Next review". */
export function fieldLabel(field: string): string {
  if (i18next.exists(`sync.fields.${field}`)) return i18next.t(`sync.fields.${field}`);
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field value as a person reads it; long values are cut with an ellipsis. */
export function valueText(field: string, value: unknown, row: AnyRow | undefined): string {
  if (value === undefined || value === null || value === '') return i18next.t('sync.conflicts.empty');
  if (typeof value === 'boolean') return value ? i18next.t('common.yes') : i18next.t('common.no');
  if (typeof value === 'number') {
    const currency = (row as Record<string, unknown> | undefined)?.currency;
    if (MONEY_FIELD_NAMES.has(field) && typeof currency === 'string' && Number.isSafeInteger(value))
      return formatMoney(asMinor(value), currency, { exact: true });
    return formatNumber(value, 2);
  }
  // JSON.stringify gives undefined for a function or a symbol: never for stored JSON, but never a crash either.
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
