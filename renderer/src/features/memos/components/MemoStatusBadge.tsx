import { useTranslation } from 'react-i18next';
import type { MemoStatus } from '@shared/domain/memo';
import { Badge } from '../../../ui/Button';

const TONE: Record<MemoStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  draft: 'neutral',
  inReview: 'info',
  decided: 'success',
  superseded: 'warning',
};

export function MemoStatusBadge({ status }: { status: MemoStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status] ?? 'neutral'}>{t(`memo.status.${status}`, { defaultValue: status })}</Badge>;
}
