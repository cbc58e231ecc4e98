import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Row } from '@shared/sync/row';
import type { AccountFields } from '@shared/domain/account';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { ContactFields, LineFields, PersonFields } from '@shared/domain/stakeholders';
import type { CapacityFields, RequestFields, RoadmapItemFields, RoadmapSettings } from '@shared/domain/roadmap';
import type { QuoteFields } from '@shared/domain/acceleration';
import type { MemberFields, OfferFields } from '@shared/domain/club';
import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';
import type { ReviewFields } from '@shared/sync/review';
import type { SegmentFields } from '@shared/domain/segment';
import type { MemoExitFields, MemoFields, MemoOptionFields, MemoViewFields } from '@shared/domain/memo';
import type { WorkspaceSettings } from '@shared/domain/workspace';
import { SCHEMA_VERSIONS } from './schema';

export type AccountRow = Row<AccountFields>;
export type PlanRow = Row<PlanFields>;
export type ObjectiveRow = Row<ObjectiveFields>;
export type ActionRow = Row<ActionFields>;
export type RiskRow = Row<RiskFields>;
export type PersonRow = Row<PersonFields>;
export type LineRow = Row<LineFields>;
export type ContactRow = Row<ContactFields>;
export type RoadmapItemRow = Row<RoadmapItemFields>;
export type RequestRow = Row<RequestFields>;
export type QuoteRow = Row<QuoteFields>;
export type CapacityRow = Row<CapacityFields>;
/** Settings rows hold a partial settings object (fields nobody set fall back to defaults). */
export type SettingsRow = Row<Partial<RoadmapSettings>>;
export type WorkspaceSettingsRow = Row<Partial<WorkspaceSettings>>;
export type SegmentRow = Row<SegmentFields>;
export type MemoRow = Row<MemoFields>;
export type MemoOptionRow = Row<MemoOptionFields>;
export type MemoViewRow = Row<MemoViewFields>;
export type MemoExitRow = Row<MemoExitFields>;
export type MemberRow = Row<MemberFields>;
export type OfferRow = Row<OfferFields>;
export type RetreatRow = Row<RetreatFields>;
export type SessionRow = Row<SessionFields>;
export type AttendeeRow = Row<AttendeeFields>;
export type ReviewRow = Row<ReviewFields>;

/** A row of a table this version does not know, kept whole so it passes on to other devices. */
export interface ForeignRow {
  /** `${table}\u0000${id}` */
  key: string;
  table: string;
  updatedAt: string;
  row: Row<Record<string, unknown>>;
}

/** A value that lost a merge to an edit made without knowing of it (shared/sync/merge.ts). */
export interface ConflictRow {
  /** `${table}/${rowId}/${field}/${stamp}`: importing the same file twice records it once. */
  id: string;
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  stamp: string;
  winnerStamp: string;
  /** The device the import came from (its name when the conflict was recorded). */
  peerName: string;
  /** The losing value was the one on this device (else it came in with the file). */
  lostHere?: boolean;
  createdAt: string;
  /**
   * Set once the user kept the current value or took this one: the record stays (hidden) so
   * importing the same file again does not bring the settled conflict back.
   */
  resolved?: 'kept' | 'taken';
}

/** What this device knows of another device that sent it a file. */
export interface PeerRow {
  device: string;
  name: string;
  /** The peer's knowledge when it made its latest file: what "changes since" leaves out. */
  knowledge: Record<string, string>;
  lastImportAt: string;
  lastFileCreatedAt: string;
  /** The checksum of the latest file merged from this peer: the same checksum in the folder is that file again. */
  lastFileChecksum?: string;
  /** "Send everything next time": our folder file serves this peer in full until its next file is merged. */
  sendAll?: boolean;
}

/** One CSV import on this device (the history on the Sync & backups page). */
export interface ImportRow {
  id: string;
  /** ISO time the import was written. */
  at: string;
  fileNames: string[];
  source: string;
  /** Created / updated / unchanged / refused counts per kind, as the dry run showed them. */
  counts: Record<string, number>;
  /** The backup made just before (restorable from the backups list). */
  backupId: string | null;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'waypoint';

/** The one IndexedDB database: the single source of truth for user data (rule 5). */
export class WaypointDB extends Dexie {
  accounts!: EntityTable<AccountRow, 'id'>;
  plans!: EntityTable<PlanRow, 'id'>;
  objectives!: EntityTable<ObjectiveRow, 'id'>;
  actions!: EntityTable<ActionRow, 'id'>;
  risks!: EntityTable<RiskRow, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  lines!: EntityTable<LineRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  roadmapItems!: EntityTable<RoadmapItemRow, 'id'>;
  requests!: EntityTable<RequestRow, 'id'>;
  quotes!: EntityTable<QuoteRow, 'id'>;
  capacity!: EntityTable<CapacityRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  members!: EntityTable<MemberRow, 'id'>;
  offers!: EntityTable<OfferRow, 'id'>;
  retreats!: EntityTable<RetreatRow, 'id'>;
  sessions!: EntityTable<SessionRow, 'id'>;
  attendees!: EntityTable<AttendeeRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  foreign!: EntityTable<ForeignRow, 'key'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  reviews!: EntityTable<ReviewRow, 'id'>;
  peers!: EntityTable<PeerRow, 'device'>;
  imports!: EntityTable<ImportRow, 'id'>;
  segments!: EntityTable<SegmentRow, 'id'>;
  memos!: EntityTable<MemoRow, 'id'>;
  memoOptions!: EntityTable<MemoOptionRow, 'id'>;
  memoViews!: EntityTable<MemoViewRow, 'id'>;
  memoExits!: EntityTable<MemoExitRow, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}, upTo: number = Number.POSITIVE_INFINITY) {
    // Strict durability: a write the user saw as "Saved" has reached the disk.
    // Live-query results are frozen and shared, not deep-cloned for every reader: a clone was a
    // fifth of each read's main-thread time. Nothing may change a row it was handed (it throws).
    super(name, { chromeTransactionDurability: 'strict', cache: 'immutable', ...options });
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}
