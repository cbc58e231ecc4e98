import { createElement, useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '@shared/domain/dates';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { loadSampleWorkspace, previewSampleWorkspace, type SampleOptions, type SamplePreview } from '../../../db/sample';
import { useUi } from '../../../stores/ui';
import { LoadSampleDialog } from '../components/LoadSampleDialog';

export interface SampleLoader {
  /** Loads at once into a workspace without accounts; asks first when there are some. */
  readonly request: () => Promise<void>;
  /** The question (closed until asked): render it wherever `request` is offered. */
  readonly dialog: ReactElement;
}

/** Loads the sample workspace as one undoable intent, beside the user's data only once they agree. */
export function useLoadSample(): SampleLoader {
  const ws = useWorkspace();
  const { t } = useTranslation();
  const [preview, setPreview] = useState<SamplePreview | null>(null);
  const options = useMemo<SampleOptions>(
    () => ({ rename: (name, n) => (n === 1 ? t('accounts.sample.renamed', { name }) : t('accounts.sample.renamedN', { name, n })) }),
    [t],
  );

  const load = useCallback(
    async (beside: boolean) => {
      const intent = await commit(() => loadSampleWorkspace(ws, toIsoDate(new Date()), options));
      if (intent)
        useUi.getState().showToast({ message: t(beside ? 'accounts.sampleAdded' : 'accounts.sampleLoaded'), tone: 'neutral', undo: true });
    },
    [ws, t, options],
  );

  const request = useCallback(async () => {
    let p: SamplePreview;
    try {
      p = await previewSampleWorkspace(ws, toIsoDate(new Date()), options);
    } catch (err) {
      useUi
        .getState()
        .showToast({ message: t('errors.saveFailed', { reason: err instanceof Error ? err.message : String(err) }), tone: 'error' });
      return;
    }
    if (p.yourAccounts === 0) await load(false);
    else setPreview(p);
  }, [ws, t, options, load]);

  const dialog = createElement(LoadSampleDialog, {
    preview,
    onCancel: () => setPreview(null),
    onConfirm: () => {
      setPreview(null);
      void load(true);
    },
  });
  return { request, dialog };
}
