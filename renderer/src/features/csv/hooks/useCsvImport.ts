import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { missingRequirements, type Requirement } from '@shared/csv/fields';
import type { CsvMapping, ImportDecision, ImportPlan } from '@shared/csv/types';
import type { Position } from '@shared/domain/orgLayout';
import { useWorkspace } from '../../../db/context';
import { applyImport, recordImport, type AppliedImport } from '../../../db/csvImport';
import { createBackup } from '../../../db/sync/backups';
import { commit } from '../../edit';
import { syncContextOf } from '../../../db/sync/context';
import { CsvCancelled, createCsvClient, type CsvClient } from '../client';
import type { FileSummary, LineRanges, ReadChoices } from '../engine';

export type Step = 'files' | 'columns' | 'check' | 'done';

export interface ImportFile {
  readonly id: string;
  readonly name: string;
  /** The file's bytes, kept so a changed encoding or delimiter can read it again. */
  readonly bytes: Uint8Array;
  readonly summary: FileSummary | null;
  readonly mapping: CsvMapping | null;
  /** 0…1 while reading. */
  readonly progress: number | null;
  readonly error: string | null;
}

export interface Planned {
  readonly plan: ImportPlan;
  readonly positions: ReadonlyMap<string, Position>;
  readonly ranges: LineRanges;
}

export interface Finished {
  readonly applied: AppliedImport;
  readonly at: string;
}

/** Reading bigger files than this would hold the whole file in memory twice over; say so instead. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

let fileSeq = 0;

/**
 * The state of one CSV import, from the files to the written result: the files are read and
 * planned in the CSV worker; nothing is written before `run()` (a backup first, then one intent).
 */
export function useCsvImport() {
  const ws = useWorkspace();
  const client = useRef<CsvClient | null>(null);
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [step, setStep] = useState<Step>('files');
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [planning, setPlanning] = useState(false);
  const [planError, setPlanError] = useState<string | null>(null);
  const [accountDecisions, setAccountDecisions] = useState<ReadonlyMap<number, ImportDecision>>(new Map());
  const [personDecisions, setPersonDecisions] = useState<ReadonlyMap<number, ImportDecision>>(new Map());
  const [running, setRunning] = useState(false);
  const [finished, setFinished] = useState<Finished | null>(null);

  const csv = useCallback((): CsvClient => (client.current ??= createCsvClient()), []);
  useEffect(
    () => () => {
      client.current?.close();
      client.current = null;
    },
    [],
  );

  const patchFile = (id: string, patch: Partial<ImportFile>) => setFiles((list) => list.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  const readFile = useCallback(
    async (id: string, name: string, bytes: Uint8Array, choices: ReadChoices) => {
      patchFile(id, { progress: 0, error: null });
      try {
        const summary = await csv().read(id, name, bytes, choices, (fraction) => patchFile(id, { progress: fraction }));
        patchFile(id, { summary, mapping: summary.mapping, progress: null });
      } catch (err) {
        // A cancelled first read takes the file away again; a cancelled re-read keeps what was read before.
        if (err instanceof CsvCancelled)
          setFiles((list) => list.flatMap((f) => (f.id !== id ? [f] : f.summary ? [{ ...f, progress: null }] : [])));
        else patchFile(id, { progress: null, error: err instanceof Error ? err.message : String(err) });
      }
    },
    [csv],
  );

  const addFiles = useCallback(
    async (picked: ReadonlyArray<{ name: string; bytes: Uint8Array }>) => {
      for (const p of picked) {
        const id = `file-${++fileSeq}`;
        const tooBig = p.bytes.length > MAX_FILE_BYTES;
        setFiles((list) => [
          ...list,
          { id, name: p.name, bytes: p.bytes, summary: null, mapping: null, progress: tooBig ? null : 0, error: tooBig ? 'tooBig' : null },
        ]);
        if (!tooBig) await readFile(id, p.name, p.bytes, {});
      }
      setPlanned(null);
    },
    [readFile],
  );

  const rereadFile = useCallback(
    async (id: string, choices: ReadChoices) => {
      const f = files.find((x) => x.id === id);
      if (!f) return;
      setPlanned(null);
      if (choices.headerIndex !== undefined && choices.encoding === undefined && choices.delimiter === undefined && f.summary) {
        const summary = await csv().header(id, choices.headerIndex);
        patchFile(id, { summary, mapping: summary.mapping });
        return;
      }
      await readFile(id, f.name, f.bytes, choices);
    },
    [csv, files, readFile],
  );

  const removeFile = useCallback(
    (id: string) => {
      csv().forget(id);
      setFiles((list) => list.filter((f) => f.id !== id));
      setPlanned(null);
    },
    [csv],
  );

  const cancelRead = useCallback(() => csv().cancel(), [csv]);
  const rowsAt = useCallback((fileId: string, lines: readonly number[]) => csv().rowsAt(fileId, lines), [csv]);

  const setMapping = useCallback((id: string, mapping: CsvMapping) => {
    patchFile(id, { mapping });
    setPlanned(null);
  }, []);

  const ready = files.filter(
    (f): f is ImportFile & { summary: FileSummary; mapping: CsvMapping } => f.summary !== null && f.mapping !== null,
  );
  const missing: ReadonlyArray<{ fileId: string; requirement: Requirement }> = useMemo(
    () => ready.flatMap((f) => missingRequirements(f.mapping).map((requirement) => ({ fileId: f.id, requirement }))),
    [ready],
  );

  const plan = useCallback(
    async (decisions = { accounts: accountDecisions, people: personDecisions }) => {
      setPlanning(true);
      setPlanError(null);
      try {
        const result = await csv().plan(
          ws.db,
          ready.map((f) => ({ fileId: f.id, mapping: f.mapping })),
          decisions,
        );
        setPlanned(result);
        setStep('check');
      } catch (err) {
        if (!(err instanceof CsvCancelled)) setPlanError(err instanceof Error ? err.message : String(err));
      } finally {
        setPlanning(false);
      }
    },
    [csv, ws, ready, accountDecisions, personDecisions],
  );

  const decide = useCallback(
    (kind: 'account' | 'person', line: number, decision: ImportDecision) => {
      const next = new Map(kind === 'account' ? accountDecisions : personDecisions).set(line, decision);
      if (kind === 'account') setAccountDecisions(next);
      else setPersonDecisions(next);
      void plan(kind === 'account' ? { accounts: next, people: personDecisions } : { accounts: accountDecisions, people: next });
    },
    [accountDecisions, personDecisions, plan],
  );

  const run = useCallback(async () => {
    if (!planned) return;
    setRunning(true);
    try {
      const ctx = await syncContextOf(ws);
      const backup = await createBackup(ctx, 'import');
      const out = await commit(() => applyImport(ws, planned.plan, planned.positions));
      if (!out) return;
      const at = new Date().toISOString();
      const c = planned.plan.counts;
      await recordImport(ws.db, {
        id: crypto.randomUUID(),
        at,
        fileNames: ready.map((f) => f.name),
        source: ready[0]?.mapping.source ?? 'other',
        counts: {
          accountsCreated: out.applied.accounts.created,
          accountsUpdated: out.applied.accounts.updated,
          accountsUnchanged: c.accounts.unchanged,
          peopleCreated: out.applied.people.created,
          peopleUpdated: out.applied.people.updated,
          peopleUnchanged: c.people.unchanged,
          linesCreated: out.applied.lines.created,
          refused: planned.plan.refused.length,
        },
        backupId: backup.id,
      });
      setFinished({ applied: out.applied, at });
      setStep('done');
    } finally {
      setRunning(false);
    }
  }, [planned, ws, ready]);

  const restart = useCallback(() => {
    for (const f of files) csv().forget(f.id);
    setFiles([]);
    setPlanned(null);
    setFinished(null);
    setAccountDecisions(new Map());
    setPersonDecisions(new Map());
    setStep('files');
  }, [csv, files]);

  return {
    step,
    setStep,
    files,
    ready,
    missing,
    addFiles,
    rereadFile,
    removeFile,
    cancelRead,
    rowsAt,
    setMapping,
    plan,
    planned,
    planning,
    planError,
    accountDecisions,
    personDecisions,
    decide,
    run,
    running,
    finished,
    restart,
  };
}

export type CsvImport = ReturnType<typeof useCsvImport>;
