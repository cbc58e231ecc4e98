import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '@shared/domain/dates';
import { commit } from '../../../db/commit';
import { useWorkspace } from '../../../db/context';
import { loadSampleWorkspace } from '../../../db/sample';
import { useUi } from '../../../stores/ui';

/** Loads the sample workspace as one undoable intent. */
export function useLoadSample(): () => Promise<void> {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useCallback(async () => {
    const intent = await commit(() => loadSampleWorkspace(ws, toIsoDate(new Date())));
    if (intent) useUi.getState().showToast({ message: t('accounts.sampleLoaded'), tone: 'neutral', undo: true });
  }, [ws, t]);
}
