import type { Table } from 'dexie';
import { isStamp, type Stamp } from '@shared/sync/hlc';
import type { Knowledge } from '@shared/sync/merge';
import type { WaypointDB } from '../database';
import { CLOCK_HIGH_WATER_KEY, OWN_WRITES_KEY } from '../workspace';

/** Device-local sync bookkeeping kept in `meta`: never synced, never in a file's rows. */
const KNOWLEDGE = 'sync.knowledge';
const DEVICES_SEEN = 'sync.devicesSeen';
const DEVICE_NAME = 'sync.deviceName';
/** What this device's folder file last held (clock, peers, knowledge): unchanged means no rewrite. */
export const FOLDER_LAST_WRITE = 'sync.folder.lastWrite';

/** The database or a transaction over `meta`: both name their tables the same way. */
export interface MetaReader {
  table(name: 'meta'): Table;
}

const metaTable = (src: MetaReader): Table => src.table('meta');

async function readMeta<T>(src: MetaReader, key: string, fallback: T, valid: (v: unknown) => v is T): Promise<T> {
  const row = (await metaTable(src).get(key)) as { value: unknown } | undefined;
  return row !== undefined && valid(row.value) ? row.value : fallback;
}

const isRecordOfStrings = (v: unknown): v is Record<string, Stamp> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Every write of each device this database has seen (its own writes are implied). */
export const readKnowledge = (src: MetaReader): Promise<Knowledge> => readMeta<Knowledge>(src, KNOWLEDGE, {}, isRecordOfStrings);
export const writeKnowledge = (src: MetaReader, k: Knowledge): Promise<unknown> => metaTable(src).put({ key: KNOWLEDGE, value: { ...k } });

/** The stamp of this device's latest own write (ZERO_STAMP: none); `fallback` when it was never recorded. */
export const readOwnWrites = (src: MetaReader, fallback: Stamp): Promise<Stamp> =>
  readMeta<Stamp>(src, OWN_WRITES_KEY, fallback, (v): v is Stamp => typeof v === 'string' && isStamp(v));

/** Devices whose writes are stored here, even when a partial file gave no knowledge of them. */
export const readDevicesSeen = (src: MetaReader): Promise<string[]> => readMeta<string[]>(src, DEVICES_SEEN, [], isStringList);
export const writeDevicesSeen = (src: MetaReader, list: readonly string[]): Promise<unknown> =>
  metaTable(src).put({ key: DEVICES_SEEN, value: [...list].sort() });

/** The name other devices show for this one ("Laptop", "Hotel laptop"). */
export async function readDeviceName(db: WaypointDB, fallback: string): Promise<string> {
  return readMeta<string>(db as MetaReader, DEVICE_NAME, fallback, (v): v is string => typeof v === 'string' && v.trim() !== '');
}

export async function writeDeviceName(db: WaypointDB, name: string): Promise<void> {
  const trimmed = name.trim().slice(0, 80);
  if (trimmed === '') return;
  await db.meta.put({ key: DEVICE_NAME, value: trimmed });
}

/** Remembers the clock's latest stamp (see CLOCK_HIGH_WATER_KEY): after a file leaves, and at a restore. */
export const writeClockHighWater = (src: MetaReader, stamp: Stamp): Promise<unknown> =>
  metaTable(src).put({ key: CLOCK_HIGH_WATER_KEY, value: stamp });

/**
 * "Send everything next time": forget what we think a peer has, so the next "changes" file for it
 * (and our folder file) starts from the beginning. The way out when a peer's claims cannot be
 * trusted, or after it restored an old backup.
 */
export async function forgetPeerKnowledge(db: WaypointDB, device: string): Promise<void> {
  await db.transaction('rw', db.peers, db.meta, async () => {
    const peer = await db.peers.get(device);
    if (peer) await db.peers.put({ ...peer, knowledge: {}, sendAll: true });
    await db.meta.delete(FOLDER_LAST_WRITE);
  });
}
