import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { deleteAccount, updateAccount, type AccountPatch } from '../../../db/accounts';
import { useRoute } from '../../../stores/route';

/** Saving and deleting one account, each as one undoable intent. */
export function useAccountActions(id: string) {
  const ws = useWorkspace();
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const save = useCallback((patch: AccountPatch) => void commit(() => updateAccount(ws, id, patch)), [ws, id]);
  const remove = useCallback(
    async (name: string) => {
      navigate({ name: 'accounts' });
      await commit(() => deleteAccount(ws, id), { undoToast: t('account.deleted', { name }) });
    },
    [ws, id, navigate, t],
  );
  return { save, remove };
}
