import { useTranslation } from 'react-i18next';
import { topFive, freshness } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import { useSettings } from '../../../stores/settings';
import { DataTable, type Column } from '../../../ui/DataTable';
import { InlineInput } from '../../../ui/fields';
import { textParser } from '../../../lib/parsers';
import { formatDate } from '../../../lib/format';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { FreshBadge } from './FreshBadge';
import { StanceLabel } from './StanceIcon';
import { roleKey, stanceKey } from './known';

/** The weekly review of the largest accounts: the five most influential people and when we last spoke. */
export function TopFiveReview({ data, today, actions }: { data: MapData; today: IsoDate; actions: MapActions }) {
  const { t } = useTranslation();
  const thresholds = useSettings((s) => s.freshness);
  const top = topFive(data.people);
  if (top.length === 0) return <p className="muted view-empty">{t('map.top5.empty')}</p>;
  const rows = top.map((p, i) => ({ p, rank: i + 1, last: data.last.get(p.id) }));
  const columns: readonly Column<(typeof rows)[number]>[] = [
    { key: 'rank', header: '#', numeric: true, cell: ({ rank }) => rank },
    {
      key: 'person',
      header: t('map.top5.person'),
      rowHeader: true,
      cell: ({ p }) => (
        <>
          <span className="cell-main">{p.name}</span>
          <span className="cell-sub">{p.title}</span>
        </>
      ),
    },
    { key: 'influence', header: t('map.top5.influence'), numeric: true, cell: ({ p }) => p.influence },
    { key: 'role', header: t('map.field.buyingRole'), cell: ({ p }) => t(roleKey(p.buyingRole)) },
    { key: 'stance', header: t('map.field.stance'), cell: ({ p }) => <StanceLabel stance={p.stance} label={t(stanceKey(p.stance))} /> },
    {
      key: 'last',
      header: t('map.top5.lastContact'),
      cell: ({ last }) => (last ? formatDate(last) : <span className="muted">{t('map.fresh.never')}</span>),
    },
    { key: 'fresh', header: t('map.top5.daysSince'), cell: ({ last }) => <FreshBadge fresh={freshness(last, today, thresholds)} /> },
    { key: 'owner', header: t('map.field.ourOwner'), cell: ({ p }) => p.ourOwner || <span className="muted">—</span> },
    {
      key: 'next',
      header: t('map.field.nextStep'),
      className: 'cell-edit',
      cell: ({ p }) => (
        <InlineInput
          hideLabel
          label={t('map.top5.nextStepFor', { name: p.name })}
          saved={p.nextStep}
          parse={textParser({ max: 200 })}
          onCommit={(nextStep: string) => actions.updatePerson(p.id, { nextStep })}
          placeholder={t('map.top5.nextStepPlaceholder')}
        />
      ),
    },
  ];
  return <DataTable label={t('map.top5.title')} columns={columns} rows={rows} rowKey={({ p }) => p.id} card={false} />;
}
