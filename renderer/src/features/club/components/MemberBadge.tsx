import { useTranslation } from 'react-i18next';
import { Gem } from 'lucide-react';
import type { MemberStatus } from '@shared/domain/club';
import { Badge } from '../../../ui/Button';

const TONE = { candidate: 'neutral', invited: 'info', member: 'accent', alumni: 'neutral' } as const;

/** Club membership as a word with an icon, never colour alone. */
export function MemberBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONE[status]} title={t('club.badgeHint')}>
      <Gem size={11} aria-hidden /> {t(`club.badge.${status}`)}
    </Badge>
  );
}
