import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as club from '../../../db/club';
import * as offers from '../../../db/offers';
import * as retreats from '../../../db/retreats';

/** Every club, offer and retreat edit as one undoable intent; deletes offer Undo in a toast. */
export function useClubActions() {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      updateProgram: (patch: Parameters<typeof club.updateProgram>[1]) => void commit(() => club.updateProgram(ws, patch)),
      addMember: (f: Parameters<typeof club.addMember>[1]) => commit(() => club.addMember(ws, f)),
      updateMember: (id: string, patch: Parameters<typeof club.updateMember>[2]) => commit(() => club.updateMember(ws, id, patch)),
      removeMember: (id: string, name: string) =>
        void commit(() => club.removeMember(ws, id), { undoToast: t('club.roster.removed', { name }) }),
      createOffer: (f: Parameters<typeof offers.createOffer>[1]) => commit(() => offers.createOffer(ws, f)),
      updateOffer: (id: string, patch: Parameters<typeof offers.updateOffer>[2]) => commit(() => offers.updateOffer(ws, id, patch)),
      duplicateOffer: (id: string, name: string) => commit(() => offers.duplicateOffer(ws, id, name)),
      deleteOffer: (id: string, name: string) => commit(() => offers.deleteOffer(ws, id), { undoToast: t('offer.deleted', { name }) }),
      createRetreat: (f: Parameters<typeof retreats.createRetreat>[1]) => commit(() => retreats.createRetreat(ws, f)),
      updateRetreat: (id: string, patch: Parameters<typeof retreats.updateRetreat>[2]) =>
        commit(() => retreats.updateRetreat(ws, id, patch)),
      deleteRetreat: (id: string, title: string) =>
        commit(() => retreats.deleteRetreat(ws, id), { undoToast: t('retreat.deleted', { title }) }),
      addSession: (f: Parameters<typeof retreats.addSession>[1]) => commit(() => retreats.addSession(ws, f)),
      updateSession: (id: string, patch: Parameters<typeof retreats.updateSession>[2]) =>
        commit(() => retreats.updateSession(ws, id, patch)),
      deleteSession: (id: string, title: string) =>
        void commit(() => retreats.deleteSession(ws, id), { undoToast: t('retreat.session.deleted', { title }) }),
      addAttendee: (f: Parameters<typeof retreats.addAttendee>[1]) => commit(() => retreats.addAttendee(ws, f)),
      removeAttendee: (id: string, name: string) =>
        void commit(() => retreats.removeAttendee(ws, id), { undoToast: t('retreat.attendee.removed', { name }) }),
      captureRequest: (c: retreats.Capture) => commit(() => retreats.captureRequest(ws, c)),
    }),
    [ws, t],
  );
}
export type ClubActions = ReturnType<typeof useClubActions>;
