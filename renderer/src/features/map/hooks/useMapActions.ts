import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFields, LineFields, LineKind, PersonFields } from '@shared/domain/stakeholders';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as repo from '../../../db/people';
import { useUi } from '../../../stores/ui';

/** Every map edit as one undoable intent; a refused line says why instead of failing silently. */
export function useMapActions(accountId: string) {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(() => {
    /** A refused line is a message that says what to do, not a failed save; anything else is a failure. */
    const orRefused = async <T>(work: () => Promise<T>): Promise<T | null> => {
      try {
        return await work();
      } catch (err) {
        if (!(err instanceof repo.LineRefusedError)) throw err;
        useUi.getState().showToast({ message: t(`map.refused.${err.problem}`), tone: 'error' });
        return null;
      }
    };
    return {
      addPerson: (fields: Partial<PersonFields>) => commit(() => repo.createPerson(ws, accountId, fields)),
      updatePerson: (id: string, patch: Partial<Omit<PersonFields, 'accountId'>>) => void commit(() => repo.updatePerson(ws, id, patch)),
      movePeople: (moves: ReadonlyMap<string, Partial<PersonFields>>, label: 'movePeople' | 'layoutPeople' | 'editPeople' = 'movePeople') =>
        void commit(() => repo.updatePeople(ws, label, moves)),
      deletePeople: (ids: readonly string[], names: string) =>
        void commit(() => repo.deletePeople(ws, ids), { undoToast: t('map.deleted', { names, count: ids.length }) }),
      pastePeople: (
        people: ReadonlyArray<PersonFields & { id: string }>,
        lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
        offset: number,
      ) => commit(() => repo.pastePeople(ws, accountId, people, lines, offset)),
      addLine: (from: string, to: string, kind: LineKind) => commit(() => orRefused(() => repo.createLine(ws, accountId, from, to, kind))),
      changeLineKind: (id: string, kind: LineKind) => commit(() => orRefused(() => repo.changeLineKind(ws, id, kind))),
      deleteLines: (ids: readonly string[]) =>
        void commit(() => repo.deleteLines(ws, ids), { undoToast: t('map.linesDeleted', { count: ids.length }) }),
      addContact: (c: ContactFields) => commit(() => repo.addContact(ws, c)),
      deleteContact: (id: string) => void commit(() => repo.deleteContact(ws, id), { undoToast: t('map.contactDeleted') }),
    };
  }, [ws, accountId, t]);
}
export type MapActions = ReturnType<typeof useMapActions>;
