import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { FileSpreadsheet } from 'lucide-react';
import { CSV_EXPORT_TABLES, exportCounts, type CsvExportTable, type ExportCounts } from '@shared/csv/export';
import { useWorkspace } from '../../../db/context';
import { getBridge } from '../../../platform';
import { Button } from '../../../ui/Button';
import { formatNumber } from '../../../lib/format';
import { readExportSource, saveCsvFiles } from '../exportCsv';
import { createCsvClient } from '../client';

type Result = { readonly tone: 'ok' | 'error'; readonly text: string };

/** Export CSV: accounts, people, plans with actions and roadmap requests, one file each, for a spreadsheet or a CRM. */
export function CsvExportSection() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const counts = useLiveQuery(async () => exportCounts(await readExportSource(ws)), [ws], null);
  const [chosen, setChosen] = useState<ReadonlySet<CsvExportTable>>(() => new Set(['accounts', 'people']));
  const [bom, setBom] = useState(true);
  const [semicolons, setSemicolons] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const toggle = (table: CsvExportTable, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(table);
    else next.delete(table);
    setChosen(next);
  };

  const countText = (table: CsvExportTable, c: ExportCounts): string => {
    if (table === 'plans')
      return t('csv.export.count.plansWithActions', {
        plans: t('csv.export.count.plans', { count: c.plans, n: formatNumber(c.plans) }),
        actions: t('csv.export.count.actions', { count: c.actions, n: formatNumber(c.actions) }),
      });
    return t(`csv.export.count.${table}`, { count: c[table], n: formatNumber(c[table]) });
  };

  const run = async () => {
    const tables = CSV_EXPORT_TABLES.filter((x) => chosen.has(x));
    if (tables.length === 0) return;
    setBusy(true);
    setResult(null);
    try {
      const client = createCsvClient();
      const files = await client.exportFiles(ws.db, tables, { bom, delimiter: semicolons ? ';' : ',' }).finally(() => client.close());
      const bridge = getBridge();
      const saved = await saveCsvFiles(files, (req) => bridge.saveFile(req), t('csv.export.fileType'));
      setResult(
        saved.length === 0
          ? { tone: 'ok', text: t('csv.export.nothingSaved') }
          : {
              tone: 'ok',
              text: t('csv.export.saved', {
                count: saved.length,
                files: saved.map((f) => t('csv.export.savedFile', { name: f.name, count: f.rows, n: formatNumber(f.rows) })).join(', '),
              }),
            },
      );
    } catch (err) {
      setResult({ tone: 'error', text: t('csv.export.failed', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card sync-card" aria-labelledby="csv-export-h">
      <h2 className="card__title" id="csv-export-h">
        {t('csv.export.title')}
      </h2>
      <p className="muted">{t('csv.export.body')}</p>
      <fieldset className="sync-choices">
        <legend className="field__label">{t('csv.export.what')}</legend>
        {CSV_EXPORT_TABLES.map((table) => (
          <label key={table} className={`sync-choice ${chosen.has(table) ? 'sync-choice--on' : ''}`}>
            <input type="checkbox" checked={chosen.has(table)} onChange={(e) => toggle(table, e.target.checked)} />
            <span>
              <strong>{t(`csv.export.table.${table}`)}</strong>
              <span className="muted small">
                {counts ? t('csv.export.fileLine', { file: `${table}.csv`, count: countText(table, counts) }) : `${table}.csv`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="check-row">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
        <span>
          {t('csv.export.bom')}
          <span className="muted small"> {t('csv.export.bomHint')}</span>
        </span>
      </label>
      <label className="check-row">
        <input type="checkbox" checked={semicolons} onChange={(e) => setSemicolons(e.target.checked)} />
        <span>
          {t('csv.export.semicolons')}
          <span className="muted small"> {t('csv.export.semicolonsHint')}</span>
        </span>
      </label>
      <div className="sync-actions">
        <Button
          variant="primary"
          icon={<FileSpreadsheet size={15} aria-hidden />}
          onClick={() => void run()}
          disabled={busy || chosen.size === 0}
        >
          {busy ? t('csv.export.working') : t('csv.export.button')}
        </Button>
        {busy ? <span className="spinner" role="status" aria-label={t('csv.export.working')} /> : null}
        {chosen.size === 0 ? <span className="muted small">{t('csv.export.chooseOne')}</span> : null}
      </div>
      {result ? (
        <p
          className={result.tone === 'ok' ? 'sync-result sync-result--ok' : 'sync-result sync-result--error'}
          role={result.tone === 'ok' ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
