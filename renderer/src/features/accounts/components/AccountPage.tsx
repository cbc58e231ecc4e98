import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from 'radix-ui';
import { Guard } from '../../../ui/Guard';
import { Trash2 } from 'lucide-react';
import { penetration, profitContribution } from '@shared/domain/account';
import { accountChecks, healthScore } from '@shared/domain/checks';
import { PlansTab, usePlans } from '../../plans';
import { MapTab, useMapData } from '../../map';
import { AccountQuotesTab, useRoadmapData } from '../../roadmap';
import { AccountOffersTab, MemberBadge, useMemberships } from '../../club';
import { accountRoadmapFacts } from '@shared/domain/roadmapView';
import { useSettings } from '../../../stores/settings';
import { DEFAULT_CHECK_SETTINGS } from '@shared/domain/checks';
import { useRoute, type AccountTab } from '../../../stores/route';
import { useToday } from '../../../lib/today';
import { formatMoney, formatPercent, healthTone } from '../../../lib/format';
import { textParser } from '../../../lib/parsers';
import { Button, EmptyState } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { useAccount } from '../hooks/useAccount';
import { useAccountActions } from '../hooks/useAccountActions';
import { OverviewTab } from './OverviewTab';
import { SizeBadge, BucketBadge } from './badges';
import { MAX_TEXT } from '@shared/domain/account';
import { IntegrityNotice } from '../../sync';
import { useMemoActions } from '../../memos';

function Figure({ label, value, tone, hint }: { label: string; value: string; tone?: 'danger' | 'warning' | 'success'; hint?: string }) {
  return (
    <div className="figure" title={hint}>
      <dt className="figure__label">{label}</dt>
      <dd className={`figure__value ${tone ? `text-${tone}` : ''}`}>{value}</dd>
    </div>
  );
}

/** An account: its name and key figures, then tabs. */
export function AccountPage({ id, tab }: { id: string; tab: AccountTab }) {
  const { t } = useTranslation();
  const account = useAccount(id);
  const plans = usePlans(id);
  const map = useMapData(id);
  // Its roadmap facts need only the accounts the roadmap names, not the whole accounts table.
  const roadmapData = useRoadmapData('referenced');
  const membership = useMemberships().get(id);
  const freshnessSetting = useSettings((s) => s.freshness);
  const today = useToday();
  const navigate = useRoute((s) => s.navigate);
  // Whether the user has turned from the tab this page opened on (see MapTab's turnedTo); it stays so.
  const openedOn = useRef(tab);
  const turned = useRef(false);
  if (tab !== openedOn.current) turned.current = true;
  const { save, remove } = useAccountActions(id);
  const memoActions = useMemoActions();
  // One fair exit per click: a second click while the first intent runs would draft a twin.
  const drafting = useRef(false);
  const draftFairExit = async () => {
    if (drafting.current) return;
    drafting.current = true;
    try {
      await memoActions.draftFairExit(id);
    } finally {
      drafting.current = false;
    }
  };

  const derived = useMemo(() => {
    if (!account || !plans) return null;
    const roadmap = roadmapData ? accountRoadmapFacts(roadmapData, id) : undefined;
    const checks = accountChecks(
      account,
      { today, planCount: plans.length, actions: plans.flatMap((p) => p.actions), map, roadmap },
      { ...DEFAULT_CHECK_SETTINGS, freshness: freshnessSetting },
    );
    return {
      checks,
      health: healthScore(checks),
      pen: penetration(account.arr, account.potentialArr),
      profit: profitContribution(account),
    };
  }, [account, plans, today, map, freshnessSetting, roadmapData, id]);

  if (account === undefined) return <div className="page page--loading" aria-busy="true" />;
  if (account === null)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('account.missing.title')}
          body={t('account.missing.body')}
          action={<Button onClick={() => navigate({ name: 'accounts' })}>{t('account.missing.back')}</Button>}
        />
      </div>
    );

  const scoreTone = derived ? healthTone(derived.health) : undefined;
  return (
    <div className="page page--account">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <h1 className="sr-only">{account.name}</h1>
            <InlineInput
              className="title-field"
              label={t('account.field.name')}
              hideLabel
              saved={account.name}
              parse={textParser({ required: true, max: MAX_TEXT })}
              onCommit={(name: string) => save({ name })}
            />
            <div className="account-head__meta">
              <SizeBadge size={account.sizeClass} />
              <BucketBadge bucket={account.bucket} />
              {membership ? <MemberBadge status={membership} /> : null}
              {[account.industry, account.region, account.owner && t('account.ownedBy', { owner: account.owner })]
                .filter(Boolean)
                .map((s) => (
                  <span key={String(s)} className="meta-item">
                    {s}
                  </span>
                ))}
            </div>
          </div>
          <Button variant="ghost" icon={<Trash2 size={15} aria-hidden />} onClick={() => void remove(account.name)}>
            {t('account.delete')}
          </Button>
        </div>
        {derived ? (
          <dl className="figures">
            <Figure label={t('account.fig.arr')} value={formatMoney(account.arr, account.currency)} />
            <Figure label={t('account.fig.potential')} value={formatMoney(account.potentialArr, account.currency)} />
            <Figure
              label={t('account.fig.penetration')}
              value={derived.pen === null ? '—' : formatPercent(derived.pen)}
              tone={derived.checks.some((c) => c.id === 'smallDeal') ? 'warning' : undefined}
            />
            <Figure
              label={t('account.fig.profit')}
              value={formatMoney(derived.profit, account.currency)}
              tone={derived.profit < 0 ? 'danger' : undefined}
            />
            <Figure label={t('account.fig.health')} value={`${derived.health} / 100`} tone={scoreTone} hint={t('account.fig.healthHint')} />
          </dl>
        ) : null}
      </header>
      <Guard area="page" size="inline">
        <IntegrityNotice accountId={id} />
      </Guard>
      <Tabs.Root value={tab} onValueChange={(v) => navigate({ name: 'account', id, tab: v as AccountTab })} className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('account.tabsLabel')}>
          <Tabs.Trigger value="overview" className="tabs__trigger">
            {t('account.tab.overview')}
          </Tabs.Trigger>
          <Tabs.Trigger value="map" className="tabs__trigger">
            {t('account.tab.map')}
          </Tabs.Trigger>
          <Tabs.Trigger value="plans" className="tabs__trigger">
            {t('account.tab.plans')}
            {plans && plans.length > 0 ? <span className="tabs__count">{plans.length}</span> : null}
          </Tabs.Trigger>
          <Tabs.Trigger value="offers" className="tabs__trigger">
            {t('account.tab.offers')}
          </Tabs.Trigger>
          <Tabs.Trigger value="quotes" className="tabs__trigger">
            {t('account.tab.quotes')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="overview" className="tabs__content">
          <Guard area="overview">
            {derived ? (
              <OverviewTab
                account={account}
                checks={derived.checks}
                save={save}
                today={today}
                onFix={(target) => {
                  if (target === 'fairExit') void draftFairExit();
                  else if (target === 'plans' || target === 'map' || target === 'quotes') navigate({ name: 'account', id, tab: target });
                  else document.getElementById(`section-${target}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                }}
              />
            ) : null}
          </Guard>
        </Tabs.Content>
        <Tabs.Content value="map" className="tabs__content">
          <Guard area="map">
            {tab === 'map' ? <MapTab accountId={id} accountName={account.name} today={today} turnedTo={turned.current} /> : null}
          </Guard>
        </Tabs.Content>
        <Tabs.Content value="plans" className="tabs__content">
          <Guard area="plans">{plans ? <PlansTab accountId={id} plans={plans} today={today} /> : null}</Guard>
        </Tabs.Content>
        <Tabs.Content value="offers" className="tabs__content">
          <Guard area="offers">{tab === 'offers' ? <AccountOffersTab accountId={id} /> : null}</Guard>
        </Tabs.Content>
        <Tabs.Content value="quotes" className="tabs__content">
          <Guard area="quotes">{tab === 'quotes' ? <AccountQuotesTab accountId={id} /> : null}</Guard>
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
