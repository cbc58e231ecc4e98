import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertOctagon, AlertTriangle, CheckCircle2, Info } from 'lucide-react';
import type { CheckResult, CheckTarget } from '@shared/domain/checks';
import type { IsoDate } from '@shared/domain/dates';
import type { AccountRow } from '../../../db/database';
import type { AccountPatch } from '../../../db/accounts';
import { formatPercent } from '../../../lib/format';
import { CommercialSection } from './sections/CommercialSection';
import { ProfileSection } from './sections/ProfileSection';
import { PortfolioSection } from './sections/PortfolioSection';
import { CostSection } from './sections/CostSection';
import { RelationshipSection } from './sections/RelationshipSection';
import { IcpSection } from './sections/IcpSection';
import { MemoLinks } from '../../memos';

export interface SectionProps {
  readonly account: AccountRow;
  readonly save: (patch: AccountPatch) => void;
  readonly today: IsoDate;
}

const ICON = { critical: AlertOctagon, warning: AlertTriangle, info: Info } as const;

/** How many checks a narrow window shows before "Show all": the form below stays within reach. */
const SHORT_LIST = 2;

function ChecksPanel({ checks, onFix }: { checks: readonly CheckResult[]; onFix: (t: CheckTarget) => void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  return (
    <section className="card checks" aria-labelledby="checks-h">
      <h2 id="checks-h" className="card__title">
        {t('checks.title')}
      </h2>
      {checks.length === 0 ? (
        <p className="checks__ok">
          <CheckCircle2 size={16} aria-hidden /> {t('checks.allClear')}
        </p>
      ) : (
        <ul className={`checks__list ${all ? '' : 'checks__list--short'}`}>
          {checks.map((c) => {
            const Icon = ICON[c.severity];
            const params = {
              ...c.params,
              penetration: typeof c.params.penetration === 'number' ? formatPercent(c.params.penetration) : '',
              threshold: typeof c.params.threshold === 'number' ? formatPercent(c.params.threshold, 0) : '',
            };
            return (
              <li key={c.id} className={`check check--${c.severity}`}>
                <Icon size={16} aria-hidden className="check__icon" />
                <div>
                  <p className="check__title">
                    <span className="sr-only">{t(`checks.severity.${c.severity}`)}: </span>
                    {t(`checks.${c.id}.title`, params)}
                  </p>
                  <p className="check__why">{t(`checks.${c.id}.why`, params)}</p>
                  <button type="button" className="link-btn" onClick={() => onFix(c.fix)}>
                    {t(`checks.fix.${c.fix}`)}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {checks.length > SHORT_LIST ? (
        <button type="button" className="link-btn checks__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('checks.showFewer') : t('checks.showAll', { count: checks.length })}
        </button>
      ) : null}
    </section>
  );
}

/** Every field of the account, edited inline and saved as you go, with the live checks beside it. */
export function OverviewTab(props: SectionProps & { checks: readonly CheckResult[]; onFix: (t: CheckTarget) => void }) {
  return (
    <div className="overview">
      <div className="overview__main">
        <CommercialSection {...props} />
        <PortfolioSection {...props} />
        {/* Beside the bucket: a fair exit is how a bucket-4 account is let go (PRODUCT §1, §5). */}
        <MemoLinks source={{ accountId: props.account.id }} />
        <CostSection {...props} />
        <RelationshipSection {...props} />
        <IcpSection {...props} />
        <ProfileSection {...props} />
      </div>
      <aside className="overview__side">
        <ChecksPanel checks={props.checks} onFix={props.onFix} />
      </aside>
    </div>
  );
}
