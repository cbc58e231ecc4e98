import { useTranslation } from 'react-i18next';
import { topFive, freshness } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import { useSettings } from '../../../stores/settings';
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
  return (
    <table className="data-table" aria-label={t('map.top5.title')}>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">{t('map.top5.person')}</th>
          <th scope="col" className="num">
            {t('map.top5.influence')}
          </th>
          <th scope="col">{t('map.field.buyingRole')}</th>
          <th scope="col">{t('map.field.stance')}</th>
          <th scope="col">{t('map.top5.lastContact')}</th>
          <th scope="col">{t('map.top5.daysSince')}</th>
          <th scope="col">{t('map.field.ourOwner')}</th>
          <th scope="col">{t('map.field.nextStep')}</th>
        </tr>
      </thead>
      <tbody>
        {top.map((p, i) => {
          const last = data.last.get(p.id);
          return (
            <tr key={p.id}>
              <td className="num">{i + 1}</td>
              <th scope="row">
                <span className="cell-main">{p.name}</span>
                <span className="cell-sub">{p.title}</span>
              </th>
              <td className="num">{p.influence}</td>
              <td>{t(roleKey(p.buyingRole))}</td>
              <td>
                <StanceLabel stance={p.stance} label={t(stanceKey(p.stance))} />
              </td>
              <td>{last ? formatDate(last) : <span className="muted">{t('map.fresh.never')}</span>}</td>
              <td>
                <FreshBadge fresh={freshness(last, today, thresholds)} />
              </td>
              <td>{p.ourOwner || <span className="muted">—</span>}</td>
              <td className="cell-edit">
                <InlineInput
                  hideLabel
                  label={t('map.top5.nextStepFor', { name: p.name })}
                  saved={p.nextStep}
                  parse={textParser({ max: 200 })}
                  onCommit={(nextStep: string) => actions.updatePerson(p.id, { nextStep })}
                  placeholder={t('map.top5.nextStepPlaceholder')}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
