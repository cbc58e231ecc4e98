import { useTranslation } from 'react-i18next';
import { useMemoRows } from '../hooks/useMemoDoc';

/** The memo's title in the breadcrumb. */
export function MemoCrumb({ id }: { id: string }) {
  const { t } = useTranslation();
  const rows = useMemoRows(id);
  return <span aria-current="page">{rows ? rows.memo.title : rows === null ? t('memo.missingTitle') : '…'}</span>;
}
