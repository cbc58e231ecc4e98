import Dexie, { type EntityTable } from 'dexie';
import { decodeSyncFile, type DecodedSyncFile } from '@shared/sync/codec';
import type { AnyRow } from '@shared/sync/merge';
import type { ForeignRow } from '../database';
import { SYNC_STATE_TABLES, SYNCED_TABLES } from '../schema';
import type { Workspace } from '../workspace';
import { exportOffThread } from './exportOffThread';
import { foreignKey } from './importFile';
import { FOLDER_LAST_WRITE, writeClockHighWater, writeKnowledge } from './state';

export type BackupKind = 'daily' | 'import' | 'manual' | 'restore';

/** What the list shows of a backup: its bytes are in their own table (listing 40 backups must not read 300 MB). */
export interface BackupRow {
  id: string;
  kind: BackupKind;
  createdAt: string;
  /** The size of the file. */
  size: number;
  rows: number;
  accounts: number;
}

/** A backup's file: a sync file of kind 'backup' (every row, tombstones included, and this device's knowledge). */
export interface BackupBytesRow {
  id: string;
  bytes: Uint8Array;
}

/** How many of each kind are kept; older ones rotate out (PRODUCT §6: "keep the last 14"). */
export const KEEP_PER_KIND = 14;

/**
 * Backups live in their own IndexedDB database beside the workspace: a restore
 * replaces the workspace in one transaction without touching them, and a damaged
 * workspace database leaves them readable.
 */
export class BackupDB extends Dexie {
  backups!: EntityTable<BackupRow, 'id'>;
  backupBytes!: EntityTable<BackupBytesRow, 'id'>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ backups: 'id, createdAt, kind' });
    // Version 2: the bytes move to their own table, so the list, the daily check and the folder's
    // "backed up within the hour" read summaries only.
    this.version(2)
      .stores({ backups: 'id, createdAt, kind', backupBytes: 'id' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('backups').toArray()) as Array<BackupRow & { bytes?: Uint8Array }>;
        await tx.table('backupBytes').bulkPut(rows.map((r) => ({ id: r.id, bytes: r.bytes ?? new Uint8Array() })));
        await tx
          .table('backups')
          .toCollection()
          .modify((row: BackupRow & { bytes?: Uint8Array }) => {
            row.size = row.bytes?.length ?? 0;
            delete row.bytes;
          });
      });
  }
}

export const backupDbName = (workspaceDbName: string): string => `${workspaceDbName}-backups`;

export interface BackupContext {
  readonly ws: Workspace;
  readonly store: BackupDB;
  readonly appVersion: string;
  readonly deviceName: string;
}

/** Summary shown in the list (the bytes stay in the database until a restore). */
export type BackupSummary = Omit<BackupRow, 'size'> & { readonly bytes: number };

const summary = ({ size, ...rest }: BackupRow): BackupSummary => ({ ...rest, bytes: size });

export async function listBackups(store: BackupDB): Promise<BackupSummary[]> {
  const rows = await store.backups.orderBy('createdAt').reverse().toArray();
  return rows.map(summary);
}

/**
 * Makes a backup now and rotates that kind down to the last KEEP_PER_KIND. With `rotate: false`
 * nothing is rotated out yet: a backup made before an import whose rows may still be refused is
 * either kept (rotateBackups) or discarded (discardBackup), and a refusal then leaves the list as it was.
 */
export async function createBackup(
  ctx: BackupContext,
  kind: BackupKind,
  now: Date = new Date(),
  { rotate = true }: { readonly rotate?: boolean } = {},
): Promise<BackupSummary> {
  const file = await exportOffThread(ctx.ws, { scope: { kind: 'backup' }, appVersion: ctx.appVersion, deviceName: ctx.deviceName, now });
  const row: BackupRow = {
    id: crypto.randomUUID(),
    kind,
    createdAt: now.toISOString(),
    size: file.bytes.length,
    rows: file.rows,
    accounts: file.accounts,
  };
  await ctx.store.transaction('rw', ctx.store.backups, ctx.store.backupBytes, async () => {
    await ctx.store.backups.add(row);
    await ctx.store.backupBytes.add({ id: row.id, bytes: file.bytes });
    if (rotate) await rotateBackups(ctx.store, kind);
  });
  return summary(row);
}

/** Keeps the last KEEP_PER_KIND backups of a kind. */
export async function rotateBackups(store: BackupDB, kind: BackupKind): Promise<void> {
  await store.transaction('rw', store.backups, store.backupBytes, async () => {
    const same = await store.backups.where('kind').equals(kind).sortBy('createdAt');
    const old = same.slice(0, Math.max(0, same.length - KEEP_PER_KIND)).map((b) => b.id);
    if (old.length > 0) {
      await store.backups.bulkDelete(old);
      await store.backupBytes.bulkDelete(old);
    }
  });
}

/** Removes a backup made for an import that was then refused (it holds what the workspace still holds). */
export async function discardBackup(store: BackupDB, id: string): Promise<void> {
  await store.transaction('rw', store.backups, store.backupBytes, async () => {
    await store.backups.delete(id);
    await store.backupBytes.delete(id);
  });
}

/** The daily backup, when none was made on this calendar day yet (local time). */
export async function backupIfDue(ctx: BackupContext, now: Date = new Date()): Promise<BackupSummary | null> {
  const latest = await ctx.store.backups.where('kind').equals('daily').reverse().sortBy('createdAt');
  const last = latest[0];
  if (last && new Date(last.createdAt).toDateString() === now.toDateString()) return null;
  return createBackup(ctx, 'daily', now);
}

export async function readBackup(store: BackupDB, id: string): Promise<DecodedSyncFile> {
  const row = await store.backupBytes.get(id);
  if (!row) throw new Error(`no backup ${id}`);
  // A backup was made on this device: its stamps are trusted whatever the clock says now.
  return decodeSyncFile(row.bytes, { latestAllowedMs: Number.MAX_SAFE_INTEGER });
}

/**
 * Replaces the whole workspace with a backup in one transaction (after a backup of
 * what is replaced). Knowledge goes back to what the backup knew, so the next sync
 * asks peers again for everything since.
 */
export async function restoreBackup(ctx: BackupContext, id: string, now: Date = new Date()): Promise<{ rows: number }> {
  const file = await readBackup(ctx.store, id);
  await createBackup(ctx, 'restore', now);
  const { ws } = ctx;
  let rows = 0;
  await ws.db.transaction('rw', [...SYNCED_TABLES, ...SYNC_STATE_TABLES], async (tx) => {
    for (const name of SYNCED_TABLES) await tx.table(name).clear();
    await tx.table('foreign').clear();
    const known = new Set<string>(SYNCED_TABLES);
    for (const [table, list] of Object.entries(file.tables)) {
      rows += list.length;
      if (known.has(table)) await tx.table<AnyRow, string>(table).bulkAdd([...list]);
      else
        await tx
          .table<ForeignRow, string>('foreign')
          .bulkAdd(list.map((row) => ({ key: foreignKey(table, row.id), table, updatedAt: row.updatedAt, row })));
    }
    const { [ws.clock.device]: _own, ...others } = file.header.knowledge;
    await writeKnowledge(tx, others);
    await writeClockHighWater(tx, ws.clock.last());
    // Peers' files are read again and ours rewritten (it now says we know less), so the next
    // exchanges bring back what the backup lacks.
    await tx.table('meta').delete(FOLDER_LAST_WRITE);
    await tx
      .table('peers')
      .toCollection()
      .modify((p: { lastFileCreatedAt: string; lastFileChecksum?: string }) => {
        p.lastFileCreatedAt = '';
        delete p.lastFileChecksum;
      });
  });
  return { rows };
}
