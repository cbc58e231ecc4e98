import { useTranslation } from 'react-i18next';
import { Pencil, Trash2 } from 'lucide-react';
import { freshness } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import { useSettings } from '../../../stores/settings';
import { IconButton, ToolsHeader } from '../../../ui/Button';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { FreshBadge } from './FreshBadge';
import { StanceLabel } from './StanceIcon';
import { levelKey, roleKey, stanceKey } from './known';

/** The map as a table: the accessible alternative to the canvas, and a quick scan of everyone. */
export function PeopleList({
  data,
  today,
  actions,
  onEdit,
}: {
  data: MapData;
  today: IsoDate;
  actions: MapActions;
  onEdit: (id: string) => void;
}) {
  const { t } = useTranslation();
  const thresholds = useSettings((s) => s.freshness);
  const names = new Map(data.people.map((p) => [p.id, p.name || t('map.placeholderName')]));
  const manager = new Map(data.lines.filter((l) => l.kind === 'reportsTo').map((l) => [l.from, l.to]));
  const people = [...data.people].sort((a, b) => b.influence - a.influence || a.name.localeCompare(b.name));
  if (people.length === 0) return <p className="muted view-empty">{t('map.emptyList')}</p>;
  return (
    <table className="data-table" aria-label={t('map.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('map.field.name')}</th>
          <th scope="col">{t('map.field.orgLevel')}</th>
          <th scope="col">{t('map.field.buyingRole')}</th>
          <th scope="col">{t('map.field.stance')}</th>
          <th scope="col" className="num">
            {t('map.field.influence')}
          </th>
          <th scope="col" className="num">
            {t('map.field.interest')}
          </th>
          <th scope="col">{t('map.kind.reportsTo')}</th>
          <th scope="col">{t('map.top5.daysSince')}</th>
          <ToolsHeader label={t('common.rowTools')} />
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id} className={p.placeholder ? 'row--placeholder' : undefined}>
            <th scope="row">
              <span className="cell-main">{names.get(p.id)}</span>
              <span className="cell-sub">{[p.title, p.department].filter(Boolean).join(' · ')}</span>
            </th>
            <td>{t(levelKey(p.orgLevel))}</td>
            <td>{t(roleKey(p.buyingRole))}</td>
            <td>
              <StanceLabel stance={p.stance} label={t(stanceKey(p.stance))} />
            </td>
            <td className="num">{p.influence}</td>
            <td className="num">{p.interest}</td>
            <td>{manager.has(p.id) ? names.get(manager.get(p.id)!) : <span className="muted">—</span>}</td>
            <td>
              {p.placeholder ? (
                <span className="muted">{t('map.unknown')}</span>
              ) : (
                <FreshBadge fresh={freshness(data.last.get(p.id), today, thresholds)} />
              )}
            </td>
            <td className="row-tools">
              <IconButton label={t('map.edit', { name: names.get(p.id) })} icon={<Pencil size={14} />} onClick={() => onEdit(p.id)} />
              <IconButton
                label={t('map.delete', { name: names.get(p.id) })}
                icon={<Trash2 size={14} />}
                onClick={() => actions.deletePeople([p.id], names.get(p.id) ?? '')}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
