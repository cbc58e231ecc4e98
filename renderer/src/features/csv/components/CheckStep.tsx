import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, ShieldCheck } from 'lucide-react';
import { toCsv } from '@shared/csv/write';
import type { PlanCounts, RowProblem } from '@shared/csv/types';
import { getBridge } from '../../../platform';
import { Button } from '../../../ui/Button';
import { formatNumber } from '../../../lib/format';
import { locate } from '../engine';
import type { CsvImport } from '../hooks/useCsvImport';

const SHOWN_REFUSALS = 200;

/** Step 3, the dry run: what will be created, updated, left as it is, and every refused row with its reason. */
export function CheckStep({ imp }: { imp: CsvImport }) {
  const { t } = useTranslation();
  const planned = imp.planned;
  const names = useMemo(() => new Map(imp.files.map((f) => [f.id, f.name])), [imp.files]);
  if (!planned) return null;
  const { plan } = planned;
  const where = (line: number) => {
    const at = locate(planned.ranges, line);
    return { file: names.get(at.fileId) ?? '', line: at.line };
  };
  const refused = plan.refused;
  /** A reason in words, its line numbers in the file they are in (the plan numbers lines across files). */
  const reasonText = (r: RowProblem): string => {
    const own = locate(planned.ranges, r.line).fileId;
    const params: Record<string, string | number> = { ...r.reason.params };
    for (const key of ['first', 'line'] as const) {
      const v = params[key];
      if (typeof v !== 'number') continue;
      const at = locate(planned.ranges, v);
      params[key] = at.fileId === own ? at.line : t('csv.check.otherFileLine', { line: at.line, file: names.get(at.fileId) ?? '' });
    }
    return t(r.reason.key, params);
  };
  const total = plan.counts.accounts.create + plan.counts.accounts.update + plan.counts.people.create + plan.counts.people.update;
  const lineCount = plan.counts.lines.create;

  /**
   * errors.csv: per file with refused rows, the file's own header and the refused rows as they were
   * (plus why), in the file's delimiter — fix them there and import that file again.
   */
  const downloadErrors = async () => {
    const byFile = new Map<string, Map<number, string[]>>();
    for (const r of refused) {
      const at = locate(planned.ranges, r.line);
      const lines = byFile.get(at.fileId) ?? new Map<number, string[]>();
      lines.set(at.line, [...(lines.get(at.line) ?? []), reasonText(r)]);
      byFile.set(at.fileId, lines);
    }
    for (const [fileId, lines] of byFile) {
      const file = imp.files.find((f) => f.id === fileId);
      const { headers, rows } = await imp.rowsAt(fileId, [...lines.keys()]);
      const table = [
        [...headers, t('csv.check.errWhyColumn')],
        ...rows.map((r) => [
          ...r.cells,
          ...Array<string>(Math.max(0, headers.length - r.cells.length)).fill(''),
          (lines.get(r.line) ?? []).join(' '),
        ]),
      ];
      const data = new TextEncoder().encode(toCsv(table, { bom: true, delimiter: file?.summary?.delimiter ?? ',' }));
      const base = (file?.name ?? 'import').replace(/\.(csv|tsv|txt)$/i, '');
      const suggestedName = byFile.size === 1 ? 'errors.csv' : `${base} errors.csv`;
      await getBridge().saveFile({ suggestedName, data, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    }
  };

  return (
    <>
      <section className="card csv-card" aria-labelledby="csv-check-h">
        <h2 className="card__title" id="csv-check-h">
          {t('csv.check.title')}
        </h2>
        <p className="muted">{t('csv.check.body')}</p>
        <div className="csv-counts">
          <CountCard title={t('csv.check.accounts')} counts={plan.counts.accounts} />
          <CountCard title={t('csv.check.people')} counts={plan.counts.people} />
          <div className="csv-count" role="group" aria-label={t('csv.check.lines')}>
            <h3 className="subhead">{t('csv.check.lines')}</h3>
            <dl className="kv">
              <dt>{t('csv.count.create')}</dt>
              <dd>{formatNumber(plan.counts.lines.create)}</dd>
              <dt>{t('csv.count.unchanged')}</dt>
              <dd>{formatNumber(plan.counts.lines.unchanged)}</dd>
              <dt>{t('csv.count.refused')}</dt>
              <dd className={plan.counts.lines.refused > 0 ? 'text-warning' : undefined}>{formatNumber(plan.counts.lines.refused)}</dd>
            </dl>
          </div>
        </div>
      </section>

      {plan.ambiguous.length > 0 ? (
        <section className="card csv-card" aria-labelledby="csv-ambiguous-h">
          <h2 className="card__title" id="csv-ambiguous-h">
            {t('csv.check.ambiguousTitle', { count: plan.ambiguous.length })}
          </h2>
          <p className="muted">{t('csv.check.ambiguousBody')}</p>
          <ul className="csv-ambiguous">
            {plan.ambiguous.map((a) => {
              const w = where(a.line);
              const decisions = a.kind === 'account' ? imp.accountDecisions : imp.personDecisions;
              return (
                <li key={`${a.kind}-${a.line}`}>
                  <label htmlFor={`amb-${a.kind}-${a.line}`}>
                    <strong>{a.name}</strong> <span className="muted small">{t('csv.check.at', { file: w.file, line: w.line })}</span>
                  </label>
                  <select
                    id={`amb-${a.kind}-${a.line}`}
                    className="input select"
                    value={decisions.get(a.line) ?? ''}
                    disabled={imp.planning}
                    onChange={(e) => imp.decide(a.kind, a.line, e.target.value)}
                  >
                    <option value="" disabled>
                      {t('csv.check.decide')}
                    </option>
                    {a.candidates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {t('csv.check.matchTo', { name: c.accountName ? `${c.name} (${c.accountName})` : c.name })}
                      </option>
                    ))}
                    <option value="new">{t(a.kind === 'account' ? 'csv.check.newAccount' : 'csv.check.newPerson')}</option>
                    <option value="skip">{t('csv.check.skip')}</option>
                  </select>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {refused.length > 0 ? (
        <section className="card csv-card" aria-labelledby="csv-refused-h">
          <h2 className="card__title" id="csv-refused-h">
            <span>{t('csv.check.refusedTitle', { count: refused.length, formatted: formatNumber(refused.length) })}</span>
            <Button size="sm" icon={<Download size={14} aria-hidden />} onClick={() => void downloadErrors()}>
              {t('csv.check.errorsCsv')}
            </Button>
          </h2>
          <p className="muted">{t('csv.check.refusedBody')}</p>
          <RefusedTable refused={refused.slice(0, SHOWN_REFUSALS)} where={where} reasonText={reasonText} />
          {refused.length > SHOWN_REFUSALS ? (
            <p className="muted small">{t('csv.check.moreRefused', { count: refused.length - SHOWN_REFUSALS })}</p>
          ) : null}
        </section>
      ) : null}

      <div className="csv-footer">
        <p className="csv-safety">
          <ShieldCheck size={16} aria-hidden /> {t('csv.check.safety')}
        </p>
        <div className="dialog__actions">
          <Button variant="ghost" onClick={() => imp.setStep('columns')}>
            {t('csv.back')}
          </Button>
          <Button
            variant="primary"
            disabled={(total === 0 && lineCount === 0) || imp.running || imp.planning}
            aria-busy={imp.running || undefined}
            onClick={() => void imp.run()}
          >
            {imp.running
              ? t('csv.check.importing')
              : total === 0 && lineCount === 0
                ? t('csv.check.nothing')
                : t('csv.check.import', {
                    accounts: formatNumber(plan.counts.accounts.create + plan.counts.accounts.update),
                    people: formatNumber(plan.counts.people.create + plan.counts.people.update),
                  })}
          </Button>
        </div>
      </div>
    </>
  );
}

function CountCard({ title, counts }: { title: string; counts: PlanCounts }) {
  const { t } = useTranslation();
  const rows: Array<[keyof PlanCounts, number]> = [
    ['create', counts.create],
    ['update', counts.update],
    ['unchanged', counts.unchanged],
    ['skipped', counts.skipped],
    ['refused', counts.refused],
    ['ambiguous', counts.ambiguous],
  ];
  return (
    <div className="csv-count" role="group" aria-label={title}>
      <h3 className="subhead">{title}</h3>
      <dl className="kv">
        {rows
          .filter(([k, n]) => n > 0 || k === 'create' || k === 'update' || k === 'unchanged')
          .map(([k, n]) => (
            <div key={k} className="kv__row">
              <dt>{t(`csv.count.${k}`)}</dt>
              <dd className={(k === 'refused' || k === 'ambiguous') && n > 0 ? 'text-warning' : undefined}>{formatNumber(n)}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

function RefusedTable({
  refused,
  where,
  reasonText,
}: {
  refused: readonly RowProblem[];
  where: (line: number) => { file: string; line: number };
  reasonText: (r: RowProblem) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-card">
      <table className="data-table csv-refused" aria-label={t('csv.check.refusedLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('csv.check.errFile')}</th>
            <th scope="col" className="num">
              {t('csv.check.errLine')}
            </th>
            <th scope="col">{t('csv.check.errKind')}</th>
            <th scope="col">{t('csv.check.errReason')}</th>
          </tr>
        </thead>
        <tbody>
          {refused.map((r, i) => {
            const w = where(r.line);
            return (
              <tr key={`${r.line}-${i}`}>
                <td>{w.file}</td>
                <td className="num">{w.line}</td>
                <td>{t(`csv.check.kind.${r.kind}`)}</td>
                <td>{reasonText(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
