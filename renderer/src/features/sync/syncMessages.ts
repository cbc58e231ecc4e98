import { SyncFileError } from '@shared/sync/codec';
import { i18next } from '../../i18n';
import { fieldLabel } from './describe';

/** The sentence for a refused file: what is wrong and what to do. Nothing was written. */
export function syncErrorMessage(err: unknown): string {
  if (err instanceof SyncFileError && err.code === 'badField') {
    const { table, id, label, field, reason } = err.detail as Record<string, string>;
    return i18next.t(`sync.errors.badField_${reason === 'missing' ? 'missing' : 'invalid'}`, {
      table: i18next.t(`sync.tables.${table}`, { defaultValue: table }).toLocaleLowerCase(i18next.language),
      record: label || id,
      field: fieldLabel(field ?? ''),
    });
  }
  if (err instanceof SyncFileError) return i18next.t(`sync.errors.${err.code}`, { ...err.detail });
  return i18next.t('sync.errors.unexpected', { reason: err instanceof Error ? err.message : String(err) });
}

export function formatBytes(n: number): string {
  if (n < 1024) return i18next.t('sync.bytes', { count: n });
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(i18next.language, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${units[u]}`;
}
