import {
  CLUB_PROGRAM_ID,
  clubProgramOf,
  clubProgramSchema,
  memberSchema,
  seatRefusal,
  type ClubProgramFields,
  type MemberFields,
} from '@shared/domain/club';
import type { MemberRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

/** Why a roster change was refused, before anything was written. */
export class ClubRefusedError extends RefusedError {
  constructor(
    readonly reason: 'seatCap' | 'alreadyOnRoster' | 'missingAccount',
    params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`club.refused.${reason}`, params);
    this.name = 'ClubRefusedError';
  }
}

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

/** The program as stored (the `settings` row 'club'), with defaults for what nobody set. */
export async function readProgram(w: Writer): Promise<ClubProgramFields> {
  return clubProgramOf(await w.table('settings').get(CLUB_PROGRAM_ID));
}

export async function updateProgram(ws: Workspace, input: Partial<ClubProgramFields>): Promise<Intent> {
  const patch = clubProgramSchema.partial().parse(input) as Partial<ClubProgramFields>;
  const { intent } = await runIntent(ws, 'editClub', async (w) => {
    const row = await w.table('settings').get(CLUB_PROGRAM_ID);
    if (row) await w.update<Partial<ClubProgramFields>>('settings', CLUB_PROGRAM_ID, { ...patch, deleted: false });
    else await w.insert<Partial<ClubProgramFields>>('settings', patch, CLUB_PROGRAM_ID);
  });
  return intent;
}

async function roster(w: Writer): Promise<MemberRow[]> {
  return live(await w.table<MemberRow>('members').toArray());
}

/** Seats are checked inside the transaction, against the roster as it is now. */
async function checkSeat(w: Writer, id: string | null, next: MemberFields['status']): Promise<void> {
  const program = await readProgram(w);
  const refusal = seatRefusal(await roster(w), id, next, program.seatCap);
  if (refusal) throw new ClubRefusedError('seatCap', { used: refusal.used, cap: refusal.cap, name: program.name });
}

export async function addMember(
  ws: Workspace,
  input: Pick<MemberFields, 'accountId'> & Partial<MemberFields>,
): Promise<{ member: MemberRow; intent: Intent }> {
  const fields = memberSchema.parse({
    status: 'candidate',
    since: null,
    ourSponsor: '',
    theirSponsorId: null,
    theirSponsorName: '',
    ...input,
  }) as MemberFields;
  const { result, intent } = await runIntent(ws, 'addMember', async (w) => {
    const account = await w.table<{ deleted: boolean }>('accounts').get(fields.accountId);
    if (!account || account.deleted) throw new ClubRefusedError('missingAccount');
    if ((await roster(w)).some((m) => m.accountId === fields.accountId)) throw new ClubRefusedError('alreadyOnRoster');
    await checkSeat(w, null, fields.status);
    return w.insert<MemberFields>('members', fields);
  });
  return { member: result, intent };
}

export async function updateMember(ws: Workspace, id: string, input: Partial<Omit<MemberFields, 'accountId'>>): Promise<Intent | null> {
  const patch = memberSchema.omit({ accountId: true }).partial().parse(input) as Partial<MemberFields>;
  const { result, intent } = await runIntent(ws, patch.status ? 'memberStatus' : 'editMember', async (w) => {
    const row = await w.table<MemberRow>('members').get(id);
    if (!row || row.deleted) return null;
    if (patch.status) await checkSeat(w, id, patch.status);
    return w.update<MemberFields>('members', id, patch);
  });
  return result ? intent : null;
}

export async function removeMember(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'removeMember', (w) => w.remove('members', id))).intent;
}

/** Tombstones an account's roster entry, offers and retreat attendance inside the caller's intent. */
export async function removeAccountClub(w: Writer, accountId: string): Promise<void> {
  for (const table of ['members', 'offers', 'attendees'] as const) {
    for (const r of live(await w.table<{ id: string; deleted: boolean }>(table).where('accountId').equals(accountId).toArray()))
      await w.remove(table, r.id);
  }
}
