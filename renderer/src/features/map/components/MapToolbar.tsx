import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import { Download, LayoutGrid, UserPlus, UserRoundSearch } from 'lucide-react';
import { orgChartLayout } from '@shared/domain/orgLayout';
import type { IsoDate } from '@shared/domain/dates';
import type { PersonFields } from '@shared/domain/stakeholders';
import { Button } from '../../../ui/Button';
import { useSettings } from '../../../stores/settings';
import { useUi } from '../../../stores/ui';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { useCardPlacement } from '../hooks/useCardPlacement';
import { exportPng, exportSvg } from './exportMap';

/** Add people, lay out the org chart (all or the selection), export the drawing. */
export function MapToolbar(props: {
  data: MapData;
  today: IsoDate;
  actions: MapActions;
  selection: readonly string[];
  accountName: string;
  onEdit: (id: string) => void;
}) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const thresholds = useSettings((s) => s.freshness);
  const { data, actions } = props;

  const placement = useCardPlacement();
  // In the middle of what is in view, or the nearest free spot there: never under the minimap or the controls.
  const add = async (fields: Partial<PersonFields>) => {
    const spot = placement.spotFor();
    const out = await actions.addPerson({ ...spot, ...fields });
    if (!out) return;
    props.onEdit(out.person.id);
    placement.reveal(spot);
  };
  const layout = () => {
    const ids = props.selection.length > 1 ? new Set(props.selection) : undefined;
    const moves = orgChartLayout(data.people, data.lines, ids);
    actions.movePeople(new Map([...moves].map(([id, p]) => [id, { x: p.x, y: p.y }])), 'layoutPeople');
    if (!ids) setTimeout(() => void flow.fitView({ padding: 0.2, duration: 300 }), 50);
  };
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      useUi
        .getState()
        .showToast({ message: t('map.exportFailed', { reason: err instanceof Error ? err.message : String(err) }), tone: 'error' });
    }
  };
  return (
    <div className="map-toolbar" role="toolbar" aria-label={t('map.toolbar')}>
      <Button size="sm" icon={<UserPlus size={14} aria-hidden />} onClick={() => void add({ name: t('map.newPerson') })}>
        {t('map.addPerson')}
      </Button>
      <Button
        size="sm"
        icon={<UserRoundSearch size={14} aria-hidden />}
        onClick={() => void add({ name: '', title: t('map.placeholderTitle'), orgLevel: 'cLevel', placeholder: true })}
      >
        {t('map.addPlaceholder')}
      </Button>
      <span className="map-toolbar__sep" aria-hidden />
      <Button size="sm" icon={<LayoutGrid size={14} aria-hidden />} onClick={layout}>
        {props.selection.length > 1 ? t('map.layoutSelection', { count: props.selection.length }) : t('map.layoutAll')}
      </Button>
      <span className="map-toolbar__hint">{t('map.hint')}</span>
      <span className="map-toolbar__spacer" />
      <Button
        size="sm"
        variant="ghost"
        icon={<Download size={14} aria-hidden />}
        onClick={() => void run(() => exportSvg(data, props.today, thresholds, props.accountName))}
      >
        {t('map.exportSvg')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        icon={<Download size={14} aria-hidden />}
        onClick={() => void run(() => exportPng(data, props.today, thresholds, props.accountName))}
      >
        {t('map.exportPng')}
      </Button>
    </div>
  );
}
