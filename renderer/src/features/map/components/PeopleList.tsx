import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil, Trash2 } from 'lucide-react';
import { freshness } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import type { PersonRow } from '../../../db/database';
import { useSettings } from '../../../stores/settings';
import { IconButton } from '../../../ui/Button';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { useFocusRequest, type FocusRequest } from '../hooks/useFocusRequest';
import { FreshBadge } from './FreshBadge';
import { StanceLabel } from './StanceIcon';
import { levelKey, roleKey, stanceKey } from './known';

/** The map as a table: the accessible alternative to the canvas, and a quick scan of everyone. */
export function PeopleList({
  data,
  today,
  actions,
  onEdit,
  focus,
  onFocused,
}: {
  data: MapData;
  today: IsoDate;
  actions: MapActions;
  onEdit: (id: string) => void;
  /** A person asked for from the palette: their row is scrolled to and its Edit button focused. */
  focus?: FocusRequest | null;
  onFocused?: () => void;
}) {
  const { t } = useTranslation();
  const thresholds = useSettings((s) => s.freshness);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const showPerson = useCallback((id: string) => {
    const button = editButtons.current.get(id);
    button?.scrollIntoView({ block: 'center' });
    button?.focus({ preventScroll: true });
  }, []);
  useFocusRequest(focus, showPerson, onFocused);

  const names = new Map(data.people.map((p) => [p.id, p.name || t('map.placeholderName')]));
  const manager = new Map(data.lines.filter((l) => l.kind === 'reportsTo').map((l) => [l.from, l.to]));
  const people = [...data.people].sort((a, b) => b.influence - a.influence || a.name.localeCompare(b.name));
  if (people.length === 0) return <p className="muted view-empty">{t('map.emptyList')}</p>;
  const columns: readonly Column<PersonRow>[] = [
    {
      key: 'name',
      header: t('map.field.name'),
      rowHeader: true,
      cell: (p) => (
        <>
          <span className="cell-main">{names.get(p.id)}</span>
          <span className="cell-sub">{[p.title, p.department].filter(Boolean).join(' · ')}</span>
        </>
      ),
    },
    { key: 'level', header: t('map.field.orgLevel'), cell: (p) => t(levelKey(p.orgLevel)) },
    { key: 'role', header: t('map.field.buyingRole'), cell: (p) => t(roleKey(p.buyingRole)) },
    { key: 'stance', header: t('map.field.stance'), cell: (p) => <StanceLabel stance={p.stance} label={t(stanceKey(p.stance))} /> },
    { key: 'influence', header: t('map.field.influence'), numeric: true, cell: (p) => p.influence },
    { key: 'interest', header: t('map.field.interest'), numeric: true, cell: (p) => p.interest },
    {
      key: 'manager',
      header: t('map.kind.reportsTo'),
      cell: (p) => {
        const to = manager.get(p.id);
        return to !== undefined ? names.get(to) : <span className="muted">—</span>;
      },
    },
    {
      key: 'fresh',
      header: t('map.top5.daysSince'),
      cell: (p) =>
        p.placeholder ? (
          <span className="muted">{t('map.unknown')}</span>
        ) : (
          <FreshBadge fresh={freshness(data.last.get(p.id), today, thresholds)} />
        ),
    },
    {
      key: 'tools',
      header: <span className="sr-only">{t('common.rowTools')}</span>,
      cell: (p) => (
        <div className="row-tools">
          <IconButton
            ref={(el) => {
              if (el) editButtons.current.set(p.id, el);
              else editButtons.current.delete(p.id);
            }}
            label={t('map.edit', { name: names.get(p.id) })}
            icon={<Pencil size={14} />}
            onClick={() => onEdit(p.id)}
          />
          <IconButton
            label={t('map.delete', { name: names.get(p.id) })}
            icon={<Trash2 size={14} />}
            onClick={() => actions.deletePeople([p.id], names.get(p.id) ?? '')}
          />
        </div>
      ),
    },
  ];
  return (
    <DataTable
      label={t('map.listLabel')}
      columns={columns}
      rows={people}
      rowKey={(p) => p.id}
      rowClassName={(p) => (p.placeholder ? 'row--placeholder' : undefined)}
      card={false}
    />
  );
}
