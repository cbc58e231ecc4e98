import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Row } from '@shared/sync/row';
import type { AccountFields } from '@shared/domain/account';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { ContactFields, LineFields, PersonFields } from '@shared/domain/stakeholders';
import type { CapacityFields, RequestFields, RoadmapItemFields, RoadmapSettings } from '@shared/domain/roadmap';
import type { QuoteFields } from '@shared/domain/acceleration';
import type { MemberFields, OfferFields } from '@shared/domain/club';
import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';
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
export type MemberRow = Row<MemberFields>;
export type OfferRow = Row<OfferFields>;
export type RetreatRow = Row<RetreatFields>;
export type SessionRow = Row<SessionFields>;
export type AttendeeRow = Row<AttendeeFields>;

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

  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}, upTo: number = Number.POSITIVE_INFINITY) {
    // Strict durability: a write the user saw as "Saved" has reached the disk.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}
