import type { RowProblem } from './validate';

export type SyncFileErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'notOurs'
  | 'damaged'
  | 'newerFormat'
  | 'needsPassphrase'
  | 'wrongPassphrase'
  | 'unsafeKeys'
  | 'tooDeep'
  | 'badRow'
  | 'badField'
  | 'implausible'
  | 'idCollision'
  | 'futureStamp'
  | 'badDate';

/** A refused file: the code picks the sentence the user reads; nothing was written. */
export class SyncFileError extends Error {
  constructor(
    readonly code: SyncFileErrorCode,
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(`sync file refused: ${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}`);
  }
}

/** The refusal a row problem found by the checks (shared/sync/validate.ts) is shown as. */
export function problemError(p: RowProblem): SyncFileError {
  switch (p.kind) {
    case 'unsafeKey':
      return new SyncFileError('unsafeKeys', { key: p.key });
    case 'tooDeep':
      return new SyncFileError('tooDeep');
    case 'idCollision':
      return new SyncFileError('idCollision', { id: p.id.slice(0, 60), table: p.table, other: p.other });
    case 'futureStamp':
      return new SyncFileError('futureStamp', { date: new Date(p.ms).toISOString().slice(0, 10) });
    case 'badDate':
      return new SyncFileError('badDate', { table: p.table, field: p.field, value: p.value.slice(0, 40) });
    case 'badRow':
      return new SyncFileError('badRow', { table: p.table, index: p.index, reason: p.reason });
    case 'badField':
      return new SyncFileError('badField', { table: p.table, id: p.id.slice(0, 60), label: p.label, field: p.field, reason: p.reason });
    case 'shape':
      return new SyncFileError('damaged');
  }
}
