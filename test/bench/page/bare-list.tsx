// The floor under the accounts-list benchmark (run.ts, accounts-list-10k): bare
// @tanstack/react-virtual showing the same 10,000 accounts, read from the app's Dexie database,
// as an ARIA grid of eight plain text columns with a name filter and a count footer, and none
// of the app (no badges, money, dates, sorting, i18n or store). run.ts's LIST_PROBE works on it
// unchanged: rows carry role="row" and aria-rowindex (header 1, data from 2), and the footer
// (aria-live) shares its parent with the grid, as in the app's AccountsTable.
import { StrictMode, useDeferredValue, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { WaypointDB, type AccountRow } from '../../../renderer/src/db/database';

/** The app's row height and overscan (AccountsTable): the same number of rows in the DOM. */
const ROW_H = 40;
const OVERSCAN = 12;
/** The app's `.grid__body` (the scrolling rows) at a 1440×900 viewport, measured with getBoundingClientRect() in the bench build. */
const BODY = { width: 1158, height: 638 } as const;
const COLUMNS = ['Name', 'Industry', 'Region', 'Owner', 'Size', 'Currency', 'Renewal', 'Support hours'] as const;
const TEMPLATE = 'minmax(180px, 2fr) repeat(7, minmax(0, 1fr))';

interface Item {
  readonly id: string;
  readonly cells: readonly string[];
  /** Lower-cased once on load, as the app's list items carry their haystack. */
  readonly key: string;
}

const cellStyle = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 8px' } as const;

function BareList(props: { items: readonly Item[] }) {
  const [text, setText] = useState('');
  // The app filters on a deferred copy of the text (AccountsPage: useDeferredValue, no debounce): the same here.
  const deferred = useDeferredValue(text);
  const shown = useMemo(() => {
    const needle = deferred.toLowerCase();
    return needle === '' ? props.items : props.items.filter((it) => it.key.includes(needle));
  }, [props.items, deferred]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: OVERSCAN,
  });
  return (
    <div style={{ position: 'absolute', left: 249, top: 140, width: BODY.width, font: '14px system-ui, sans-serif' }}>
      <input type="search" aria-label="Filter accounts" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 440 }} />
      <div style={{ marginTop: 8 }}>
        <div role="grid" aria-label="Accounts" aria-rowcount={shown.length + 1} aria-colcount={COLUMNS.length}>
          <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: TEMPLATE, height: 32, alignItems: 'center' }}>
            {COLUMNS.map((c) => (
              <div key={c} role="columnheader" style={cellStyle}>
                {c}
              </div>
            ))}
          </div>
          <div ref={scrollRef} role="rowgroup" style={{ height: BODY.height, overflow: 'auto' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const it = shown[v.index]!;
                return (
                  <div
                    key={it.id}
                    role="row"
                    aria-rowindex={v.index + 2}
                    style={{
                      display: 'grid',
                      gridTemplateColumns: TEMPLATE,
                      alignItems: 'center',
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_H,
                      transform: `translateY(${v.start}px)`,
                      borderBottom: '1px solid #e5e7eb',
                    }}
                  >
                    {it.cells.map((c, i) => (
                      <div key={i} role="gridcell" style={cellStyle}>
                        {c}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
        <div aria-live="polite">{shown.length.toLocaleString()} accounts</div>
      </div>
    </div>
  );
}

const cellsOf = (a: AccountRow): string[] => [
  a.name,
  a.industry,
  a.region,
  a.owner,
  a.sizeClass,
  a.currency,
  a.renewalDate ?? '',
  a.supportHours.toLocaleString(),
];

async function start(): Promise<void> {
  const db = new WaypointDB();
  // The app's read (useAccountList): every account row, live ones kept.
  const rows = await db.accounts.toArray();
  const items: Item[] = rows.filter((r) => !r.deleted).map((r) => ({ id: r.id, cells: cellsOf(r), key: r.name.toLowerCase() }));
  const root = document.getElementById('root');
  if (!root) throw new Error('bare-list.html has no #root');
  // StrictMode as in the app's renderer/src/main.tsx (a no-op in a production build).
  createRoot(root).render(
    <StrictMode>
      <BareList items={items} />
    </StrictMode>,
  );
}

void start();
