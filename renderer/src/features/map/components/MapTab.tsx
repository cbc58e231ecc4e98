import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import { Users } from 'lucide-react';
import type { IsoDate } from '@shared/domain/dates';
import type { LineKind } from '@shared/domain/stakeholders';
import { useUi } from '../../../stores/ui';
import { Button, EmptyState } from '../../../ui/Button';
import { useMapData } from '../hooks/useMapData';
import { useMapActions } from '../hooks/useMapActions';
import type { FocusRequest } from '../hooks/useFocusRequest';
import { MapCanvas } from './MapCanvas';
import { MapToolbar } from './MapToolbar';
import { PersonPanel } from './PersonPanel';
import { LineKindDialog } from './LineKindDialog';
import { PeopleList } from './PeopleList';
import { PowerGrid } from './PowerGrid';
import { CoverageView } from './CoverageView';
import { TopFiveReview } from './TopFiveReview';
import { MapQualityBadge } from './MapQualityBadge';
import { viewShowing } from './viewShowing';

export const MAP_VIEWS = ['map', 'list', 'grid', 'coverage', 'top5'] as const;
export type MapView = (typeof MAP_VIEWS)[number];

/**
 * The stakeholder map of one account and the views derived from it. `turnedTo`: the user turned to
 * this tab on an open account page, which has read the map already (its header's checks use it):
 * the tab shows at once and the canvas is drawn in a render of its own, so the click stays a short
 * task. A page opened on its map (a start there, a jump to a person) draws it in its first render.
 */
export function MapTab({
  accountId,
  accountName,
  today,
  turnedTo = false,
}: {
  accountId: string;
  accountName: string;
  today: IsoDate;
  turnedTo?: boolean;
}) {
  const { t } = useTranslation();
  const live = useMapData(accountId);
  // (null, not undefined: React takes an undefined initial value for none.)
  const deferred = useDeferredValue(live ?? null, null) ?? undefined;
  const data = turnedTo ? deferred : live;
  const actions = useMapActions(accountId);
  const [view, setView] = useState<MapView>('map');
  const [selection, setSelection] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [connecting, setConnecting] = useState<{ from: string; to: string } | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  const dark = document.documentElement.dataset.theme === 'dark';
  const onSelection = useCallback(
    (ids: string[]) => setSelection((prev) => (prev.length === ids.length && prev.every((id, i) => id === ids[i]) ? prev : ids)),
    [],
  );
  const onConnectRequest = useCallback((from: string, to: string) => setConnecting({ from, to }), []);

  // A person asked for elsewhere (Ctrl+K → a person): when they are on this map, open their panel,
  // turn to a view that shows them, and let that view select, reveal and focus them.
  const personFocus = useUi((s) => s.personFocus);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  useEffect(() => {
    if (!personFocus || !data) return;
    const asked = data.people.find((p) => p.id === personFocus.id);
    // Someone on another account's map: that map (opening next) takes the request.
    if (!asked) return;
    useUi.getState().clearPersonFocus();
    setView((v) => viewShowing(v, asked));
    setEditing(asked.id);
    setFocus(personFocus);
  }, [personFocus, data]);
  const onFocused = useCallback(() => setFocus(null), []);

  if (!data) return <div aria-busy="true" className="map-loading" />;
  const person = editing ? data.people.find((p) => p.id === editing) : undefined;
  const changingLine = changing ? data.lines.find((l) => l.id === changing) : undefined;
  const nameOf = (id: string) => data.people.find((p) => p.id === id)?.name || t('map.placeholderName');

  if (data.people.length === 0) {
    return (
      <EmptyState
        icon={<Users size={28} aria-hidden />}
        title={t('map.empty.title')}
        body={t('map.empty.body')}
        action={
          <>
            <Button
              variant="primary"
              onClick={() => void actions.addPerson({ name: t('map.newPerson'), x: 0, y: 0 }).then((o) => o && setEditing(o.person.id))}
            >
              {t('map.addPerson')}
            </Button>
            <Button
              onClick={() =>
                void actions.addPerson({ name: '', title: t('map.placeholderTitle'), orgLevel: 'cLevel', placeholder: true, x: 0, y: 0 })
              }
            >
              {t('map.addPlaceholder')}
            </Button>
          </>
        }
      />
    );
  }

  return (
    <ReactFlowProvider>
      <div className="map-tab">
        <div className="map-head">
          <div className="segmented segmented--tabs" role="tablist" aria-label={t('map.views')}>
            {MAP_VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className={`segmented__option ${view === v ? 'segmented__option--on' : ''}`}
                onClick={() => setView(v)}
              >
                {t(`map.view.${v}`)}
              </button>
            ))}
          </div>
          <MapQualityBadge data={data} />
        </div>
        {view === 'map' ? (
          <MapToolbar data={data} today={today} actions={actions} selection={selection} accountName={accountName} onEdit={setEditing} />
        ) : null}
        <div className={`map-body ${person ? 'map-body--panel' : ''}`}>
          <div className="map-main" role="tabpanel" aria-label={t(`map.view.${view}`)}>
            {view === 'map' ? (
              <MapCanvas
                data={data}
                today={today}
                actions={actions}
                dark={dark}
                onSelection={onSelection}
                onEdit={setEditing}
                onConnectRequest={onConnectRequest}
                onEditLine={setChanging}
                accountName={accountName}
                focus={focus}
                onFocused={onFocused}
              />
            ) : view === 'list' ? (
              <PeopleList data={data} today={today} actions={actions} onEdit={setEditing} focus={focus} onFocused={onFocused} />
            ) : view === 'grid' ? (
              <PowerGrid data={data} actions={actions} focus={focus} onFocused={onFocused} />
            ) : view === 'coverage' ? (
              <CoverageView data={data} today={today} />
            ) : (
              <TopFiveReview data={data} today={today} actions={actions} />
            )}
          </div>
          {person ? (
            <PersonPanel
              key={person.id}
              person={person}
              contacts={data.contacts}
              last={data.last.get(person.id)}
              today={today}
              actions={actions}
              onClose={() => setEditing(null)}
            />
          ) : null}
        </div>
      </div>
      {changingLine ? (
        <LineKindDialog
          key={changingLine.id}
          open
          initial={changingLine.kind}
          from={nameOf(changingLine.from)}
          to={nameOf(changingLine.to)}
          onClose={() => setChanging(null)}
          onChoose={(kind: LineKind) => {
            if (kind !== changingLine.kind) void actions.changeLineKind(changingLine.id, kind);
            setChanging(null);
          }}
        />
      ) : null}
      <LineKindDialog
        open={connecting !== null}
        from={connecting ? nameOf(connecting.from) : ''}
        to={connecting ? nameOf(connecting.to) : ''}
        onClose={() => setConnecting(null)}
        onChoose={(kind: LineKind) => {
          if (connecting) void actions.addLine(connecting.from, connecting.to, kind);
          setConnecting(null);
        }}
      />
    </ReactFlowProvider>
  );
}
