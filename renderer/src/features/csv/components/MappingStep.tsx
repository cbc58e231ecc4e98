import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookmarkPlus, Plus, Trash2 } from 'lucide-react';
import { ACCOUNT_TARGETS, PERSON_TARGETS, type CsvMapping, type CsvSource, type DateOrder, type TargetId } from '@shared/csv/types';
import { applyPreset, describeMatch, isTargetId, presetFromMapping, readPreset, type CsvPreset } from '@shared/csv/fields';
import { isCurrencyCode } from '@shared/domain/money';
import { Button, IconButton } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import type { CsvImport, ImportFile } from '../hooks/useCsvImport';
import type { FileSummary } from '../engine';

const SOURCES: readonly CsvSource[] = ['salesforce', 'hubspot', 'other'];
const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'dmy', 'mdy'];
const PRESETS_KEY = 'waypoint.csvPresets';

interface NamedPreset {
  readonly name: string;
  readonly preset: CsvPreset;
}

/** Saved mappings, per source; anything stored that is broken is left out (trust nothing stored). */
function loadPresets(): NamedPreset[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PRESETS_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((p: unknown) => {
      if (typeof p !== 'object' || p === null) return [];
      const { name, preset } = p as { name?: unknown; preset?: unknown };
      const checked = readPreset(preset);
      return typeof name === 'string' && name.trim() && name.length <= 80 && checked ? [{ name, preset: checked }] : [];
    });
  } catch {
    return [];
  }
}

function savePresets(list: readonly NamedPreset[]): void {
  localStorage.setItem(PRESETS_KEY, JSON.stringify(list.slice(-30)));
}

/** Step 2: every column matched to a Waypoint field, with sample values and why it matched; any match can change. */
export function MappingStep({ imp }: { imp: CsvImport }) {
  const { t } = useTranslation();
  const [presets, setPresets] = useState(loadPresets);
  const problems = imp.missing;
  return (
    <>
      {imp.ready.map((f) => (
        <FileMapping key={f.id} file={f} imp={imp} presets={presets} onPresets={setPresets} />
      ))}
      <div className="csv-footer">
        {problems.length > 0 ? (
          <ul className="notice notice--warning" role="status">
            {problems.map((p) => (
              <li key={`${p.fileId}-${p.requirement}`}>
                <strong>{imp.files.find((f) => f.id === p.fileId)?.name}: </strong>
                {t(`csv.required.${p.requirement}`)}
              </li>
            ))}
          </ul>
        ) : null}
        {imp.planError ? (
          <p className="sync-result sync-result--error" role="alert">
            {t('csv.check.failed', { reason: imp.planError })}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button variant="ghost" onClick={() => imp.setStep('files')}>
            {t('csv.back')}
          </Button>
          <Button
            variant="primary"
            disabled={problems.length > 0 || imp.planning}
            aria-busy={imp.planning || undefined}
            onClick={() => void imp.plan()}
          >
            {imp.planning ? t('csv.columns.checking') : t('csv.columns.next')}
          </Button>
        </div>
      </div>
    </>
  );
}

function FileMapping({
  file,
  imp,
  presets,
  onPresets,
}: {
  file: ImportFile & { summary: FileSummary; mapping: CsvMapping };
  imp: CsvImport;
  presets: readonly NamedPreset[];
  onPresets: (list: NamedPreset[]) => void;
}) {
  const { t } = useTranslation();
  const s = file.summary;
  const m = file.mapping;
  const id = file.id;
  const reasons = describeMatch(s.headers, m);
  const set = (patch: Partial<CsvMapping>) => imp.setMapping(id, { ...m, ...patch });
  const setColumn = (i: number, target: TargetId | null) =>
    // One column per field: choosing a field taken elsewhere frees the other column.
    set({ columns: m.columns.map((c, j) => (j === i ? target : target !== null && c === target ? null : c)) });
  const used = new Set(m.columns.filter((c): c is TargetId => c !== null));
  const constants = Object.entries(m.constants) as Array<[TargetId, string]>;
  const free = [...ACCOUNT_TARGETS, ...PERSON_TARGETS].filter((x) => !used.has(x) && !(x in m.constants));
  const [constField, setConstField] = useState<TargetId | ''>('');
  const [constValue, setConstValue] = useState('');
  const [presetName, setPresetName] = useState('');
  const currencyError = m.defaultCurrency && !isCurrencyCode(m.defaultCurrency) ? t('validation.currency') : null;
  const matching = presets.filter((p) => p.preset.source === m.source);

  return (
    <section className="card csv-card" aria-labelledby={`${id}-map-h`}>
      <h2 className="card__title" id={`${id}-map-h`}>
        <span>{file.name}</span>
        <span className="card__aside">{t(`csv.kind.${s.kind}`)}</span>
      </h2>
      <div className="form-grid form-grid--4">
        <FormField id={`${id}-source`} label={t('csv.columns.source')} hint={t('csv.columns.sourceHint')}>
          {(p) => (
            <select {...p} className="input select" value={m.source} onChange={(e) => set({ source: e.target.value as CsvSource })}>
              {SOURCES.map((x) => (
                <option key={x} value={x}>
                  {t(`csv.source.${x}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={`${id}-dates`}
          label={t('csv.columns.dateOrder')}
          hint={s.ambiguousDates && m.dateOrder === null ? t('csv.columns.dateOrderAsk') : t('csv.columns.dateOrderHint')}
          error={s.ambiguousDates && m.dateOrder === null ? t('csv.columns.dateOrderNeeded') : null}
        >
          {(p) => (
            <select
              {...p}
              className="input select"
              value={m.dateOrder ?? ''}
              onChange={(e) => set({ dateOrder: e.target.value === '' ? null : (e.target.value as DateOrder) })}
            >
              <option value="">{t('csv.dateOrder.auto')}</option>
              {DATE_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t(`csv.dateOrder.${o}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-decimal`} label={t('csv.columns.decimal')}>
          {(p) => (
            <select
              {...p}
              className="input select"
              value={m.decimal}
              onChange={(e) => set({ decimal: e.target.value === ',' ? ',' : '.' })}
            >
              <option value=".">{t('csv.decimal.dot')}</option>
              <option value=",">{t('csv.decimal.comma')}</option>
            </select>
          )}
        </FormField>
        <FormField id={`${id}-cur`} label={t('csv.columns.currency')} hint={t('csv.columns.currencyHint')} error={currencyError}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={m.defaultCurrency}
              maxLength={3}
              placeholder="EUR"
              onChange={(e) => set({ defaultCurrency: e.target.value.trim().toUpperCase() })}
            />
          )}
        </FormField>
      </div>

      <div className="table-card csv-map-table">
        <table className="data-table" aria-label={t('csv.columns.tableLabel', { name: file.name })}>
          <thead>
            <tr>
              <th scope="col">{t('csv.columns.column')}</th>
              <th scope="col">{t('csv.columns.samples')}</th>
              <th scope="col">{t('csv.columns.field')}</th>
              <th scope="col">{t('csv.columns.why')}</th>
            </tr>
          </thead>
          <tbody>
            {s.headers.map((h, i) => {
              const target = m.columns[i] ?? null;
              const reason = reasons[i] ?? null;
              const label = h || t('csv.columns.unnamed', { n: i + 1 });
              return (
                <tr key={`${i}-${h}`} className={target ? '' : 'csv-map-row--ignored'}>
                  <th scope="row" className="csv-map__column">
                    {label}
                  </th>
                  <td className="csv-map__samples">
                    {(s.samples[i] ?? []).length > 0 ? (
                      (s.samples[i] ?? []).map((v, k) => (
                        <span key={k} className="csv-sample">
                          {v}
                        </span>
                      ))
                    ) : (
                      <span className="muted">{t('csv.columns.empty')}</span>
                    )}
                  </td>
                  <td>
                    <select
                      className="input select"
                      aria-label={t('csv.columns.fieldFor', { column: label })}
                      value={target ?? ''}
                      onChange={(e) => setColumn(i, isTargetId(e.target.value) ? e.target.value : null)}
                    >
                      <option value="">{t('csv.columns.ignore')}</option>
                      <optgroup label={t('csv.columns.accountFields')}>
                        {ACCOUNT_TARGETS.map((x) => (
                          <option key={x} value={x}>
                            {t(`csv.target.${x}`)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t('csv.columns.personFields')}>
                        {PERSON_TARGETS.map((x) => (
                          <option key={x} value={x}>
                            {t(`csv.target.${x}`)}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  </td>
                  <td className="small muted">{target ? (reason ? t(reason.key, reason.params) : t('csv.match.yours')) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="csv-constants">
        <h3 className="subhead">{t('csv.columns.constants')}</h3>
        {constants.length > 0 ? (
          <ul className="csv-constants__list">
            {constants.map(([field, value]) => (
              <li key={field}>
                <span>
                  {t(`csv.target.${field}`)} = <strong>{value}</strong>
                </span>
                <IconButton
                  label={t('csv.columns.removeConstant', { field: t(`csv.target.${field}`) })}
                  icon={<Trash2 size={14} aria-hidden />}
                  onClick={() => {
                    set({ constants: Object.fromEntries(constants.filter(([k]) => k !== field)) });
                  }}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('csv.columns.constantsHint')}</p>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!constField || !constValue.trim()) return;
            set({ constants: { ...m.constants, [constField]: constValue.trim() } });
            setConstField('');
            setConstValue('');
          }}
        >
          <FormField id={`${id}-const-f`} label={t('csv.columns.constantField')}>
            {(p) => (
              <select
                {...p}
                className="input select"
                value={constField}
                onChange={(e) => setConstField(isTargetId(e.target.value) ? e.target.value : '')}
              >
                <option value="">{t('csv.columns.chooseField')}</option>
                {free.map((x) => (
                  <option key={x} value={x}>
                    {t(`csv.target.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${id}-const-v`} label={t('csv.columns.constantValue')} className="inline-form__grow">
            {(p) => <input {...p} className="input" value={constValue} maxLength={200} onChange={(e) => setConstValue(e.target.value)} />}
          </FormField>
          <Button type="submit" icon={<Plus size={15} aria-hidden />} disabled={!constField || !constValue.trim()}>
            {t('csv.columns.addConstant')}
          </Button>
        </form>
      </div>

      <div className="csv-presets">
        <h3 className="subhead">{t('csv.columns.presets')}</h3>
        <div className="inline-form">
          {matching.length > 0 ? (
            <FormField id={`${id}-preset-use`} label={t('csv.columns.usePreset')}>
              {(p) => (
                <select
                  {...p}
                  className="input select"
                  value=""
                  onChange={(e) => {
                    const chosen = matching.find((x) => x.name === e.target.value);
                    if (chosen) imp.setMapping(id, applyPreset(s.headers, chosen.preset, []));
                  }}
                >
                  <option value="">{t('csv.columns.choosePreset')}</option>
                  {matching.map((x) => (
                    <option key={x.name} value={x.name}>
                      {x.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          <FormField id={`${id}-preset-name`} label={t('csv.columns.presetName')} className="inline-form__grow">
            {(p) => (
              <input
                {...p}
                className="input"
                value={presetName}
                maxLength={80}
                placeholder={t('csv.columns.presetPlaceholder', { source: t(`csv.source.${m.source}`) })}
                onChange={(e) => setPresetName(e.target.value)}
              />
            )}
          </FormField>
          <Button
            icon={<BookmarkPlus size={15} aria-hidden />}
            disabled={!presetName.trim()}
            onClick={() => {
              const next = [
                ...presets.filter((x) => x.name !== presetName.trim()),
                { name: presetName.trim(), preset: presetFromMapping(s.headers, m) },
              ];
              savePresets(next);
              onPresets(next);
              setPresetName('');
            }}
          >
            {t('csv.columns.savePreset')}
          </Button>
        </div>
      </div>
    </section>
  );
}
