import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFields, LineFields, LineKind, PersonFields } from '@shared/domain/stakeholders';
import { commit } from '../../../db/commit';
import { useWorkspace } from '../../../db/context';
import * as repo from '../../../db/people';
import { useUi } from '../../../stores/ui';

/** Every map edit as one undoable intent; a refused line says why instead of failing silently. */
export function useMapActions(accountId: string) {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(() => {
    const refused = (err: unknown) => {
      if (err instanceof repo.LineRefusedError) useUi.getState().showToast({ message: t(`map.refused.${err.problem}`), tone: 'error' });
      else throw err;
    };
    return {
      addPerson: (fields: Partial<PersonFields>) => commit(() => repo.createPerson(ws, accountId, fields)),
      updatePerson: (id: string, patch: Partial<Omit<PersonFields, 'accountId'>>) => void commit(() => repo.updatePerson(ws, id, patch)),
      movePeople: (moves: ReadonlyMap<string, Partial<PersonFields>>, label: 'movePeople' | 'layoutPeople' | 'editPeople' = 'movePeople') =>
        void commit(() => repo.updatePeople(ws, label, moves)),
      deletePeople: (ids: readonly string[], names: string) => void commit(() => repo.deletePeople(ws, ids), { undoToast: t('map.deleted', { names, count: ids.length }) }),
      pastePeople: (people: ReadonlyArray<PersonFields & { id: string }>, lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>, offset: number) =>
        commit(() => repo.pastePeople(ws, accountId, people, lines, offset)),
      addLine: async (from: string, to: string, kind: LineKind) => {
        // Checked here first so a refusal is a message, not a failed save.
        try {
          await repo.createLine(ws, accountId, from, to, kind).then((out) => commit(() => Promise.resolve(out)));
        } catch (err) {
          refused(err);
        }
      },
      changeLineKind: async (id: string, kind: LineKind) => {
        try {
          const intent = await repo.changeLineKind(ws, id, kind);
          await commit(() => Promise.resolve(intent));
        } catch (err) {
          refused(err);
        }
      },
      deleteLines: (ids: readonly string[]) => void commit(() => repo.deleteLines(ws, ids), { undoToast: t('map.linesDeleted', { count: ids.length }) }),
      addContact: (c: ContactFields) => commit(() => repo.addContact(ws, c)),
      deleteContact: (id: string) => void commit(() => repo.deleteContact(ws, id), { undoToast: t('map.contactDeleted') }),
    };
  }, [ws, accountId, t]);
}
export type MapActions = ReturnType<typeof useMapActions>;
