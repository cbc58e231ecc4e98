import { useTranslation } from 'react-i18next';
import { Compass, CircleAlert } from 'lucide-react';
import type { QuoteStatus } from '@shared/domain/acceleration';
import type { Importance, ItemStatus } from '@shared/domain/roadmap';
import { Badge } from '../../../ui/Button';

const IMPORTANCE_TONE = { niceToHave: 'neutral', important: 'info', critical: 'danger' } as const;
const STATUS_TONE = { idea: 'neutral', planned: 'info', inProgress: 'accent', done: 'success', dropped: 'neutral' } as const;
const QUOTE_TONE = { draft: 'neutral', sent: 'info', accepted: 'success', declined: 'warning' } as const;

export function ImportanceBadge({ importance, compact }: { importance: Importance; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge tone={IMPORTANCE_TONE[importance]}>
      {t(compact ? `roadmap.importanceShort.${importance}` : `roadmap.importance.${importance}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`roadmap.status.${status}`)}</Badge>;
}

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return <Badge tone={QUOTE_TONE[status]}>{t(`quote.status.${status}`)}</Badge>;
}

/** On strategy is a fact worth a word, not only a colour: "we would build it anyway". */
export function StrategyBadge({ onStrategy }: { onStrategy: boolean }) {
  const { t } = useTranslation();
  return onStrategy ? (
    <Badge tone="success" title={t('roadmap.onStrategyHint')}>
      <Compass size={11} aria-hidden /> {t('roadmap.onStrategy')}
    </Badge>
  ) : (
    <Badge tone="warning" title={t('roadmap.offStrategyHint')}>
      <CircleAlert size={11} aria-hidden /> {t('roadmap.offStrategy')}
    </Badge>
  );
}
