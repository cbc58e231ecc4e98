import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIZE_CLASSES, type SizeClass } from '@shared/domain/account';
import { asBp, type Minor } from '@shared/domain/money';
import { MAX_SEGMENT_TEXT, MAX_TARGETS, segmentFits, type SegmentFields } from '@shared/domain/segment';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';
import { bpInputValue, moneyInputValue } from '../../../lib/format';
import { moneyParser, numberParser, percentParser, textParser, type Parsed } from '../../../lib/parsers';

type Draft = Record<'name' | 'industry' | 'region' | 'minFit' | 'targetCustomers' | 'targetSource' | 'avgSpend' | 'winRate', string> & {
  sizeClass: SizeClass | '';
  currency: string;
};

function toDraft(s: SegmentFields | null, currency: string): Draft {
  return {
    name: s?.name ?? '',
    industry: s?.industry ?? '',
    region: s?.region ?? '',
    sizeClass: s?.sizeClass ?? '',
    minFit: s?.minFit === null || s?.minFit === undefined ? '' : String(s.minFit),
    targetCustomers: s ? String(s.targetCustomers) : '',
    targetSource: s?.targetSource ?? '',
    avgSpend: s ? moneyInputValue(s.avgSpend, s.currency) : '',
    currency: s?.currency ?? currency,
    winRate: s ? bpInputValue(s.winRateBp) : '',
  };
}

/** Every field parsed, or the message per field that is wrong. */
function parse(
  d: Draft,
  t: (k: string, o?: Record<string, unknown>) => string,
): { fields: SegmentFields | null; errors: Partial<Record<keyof Draft, string>> } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const take = <T,>(key: keyof Draft, r: Parsed<T>): T | undefined => {
    if (r.ok) return r.value;
    errors[key] = r.error;
    return undefined;
  };
  const name = take('name', textParser({ required: true, max: MAX_SEGMENT_TEXT })(d.name));
  const industry = take('industry', textParser({ max: MAX_SEGMENT_TEXT })(d.industry));
  const region = take('region', textParser({ max: MAX_SEGMENT_TEXT })(d.region));
  const minFit = d.minFit.trim() === '' ? null : take('minFit', numberParser({ min: 0, max: 100, integer: true })(d.minFit));
  const targetCustomers = take('targetCustomers', numberParser({ min: 0, max: MAX_TARGETS, integer: true })(d.targetCustomers));
  const targetSource = take('targetSource', textParser({ max: MAX_SEGMENT_TEXT })(d.targetSource));
  const avgSpend = take('avgSpend', moneyParser(d.currency)(d.avgSpend));
  const winRateBp = take('winRate', percentParser({ min: 0, max: 100 })(d.winRate));
  if (
    name === undefined ||
    industry === undefined ||
    region === undefined ||
    minFit === undefined ||
    targetCustomers === undefined ||
    targetSource === undefined ||
    avgSpend === undefined ||
    winRateBp === undefined
  )
    return { fields: null, errors };
  const fields: SegmentFields = {
    name,
    industry,
    region,
    sizeClass: d.sizeClass === '' ? null : d.sizeClass,
    minFit,
    targetCustomers,
    targetSource,
    avgSpend: avgSpend as Minor,
    currency: d.currency,
    winRateBp: asBp(winRateBp),
  };
  if (!segmentFits(fields)) return { fields: null, errors: { avgSpend: t('portfolio.segments.tamTooLarge') } };
  return { fields, errors };
}

/** A segment, new or edited: its rule and what the user knows of the market. Nothing typed is lost on a refusal. */
export function SegmentDialog({
  open,
  segment,
  currencies,
  industries,
  regions,
  onClose,
  onSave,
}: {
  open: boolean;
  segment: SegmentFields | null;
  /** The reporting currency first, then the currencies with a rate. */
  currencies: readonly string[];
  industries: readonly string[];
  regions: readonly string[];
  onClose: () => void;
  onSave: (f: SegmentFields) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(segment, currencies[0] ?? 'EUR'));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const base = useId();
  useEffect(() => {
    if (!open) return;
    setDraft(toDraft(segment, currencies[0] ?? 'EUR'));
    setTried(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new draft only when the dialog opens
  }, [open]);
  const result = parse(draft, t);
  const err = (k: keyof Draft) => (tried ? (result.errors[k] ?? null) : null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (k: keyof Draft, label: string, opts: { hint?: string; list?: string; numeric?: boolean; placeholder?: string } = {}) => (
    <FormField id={`${base}-${k}`} label={label} error={err(k)} hint={opts.hint}>
      {(p) => (
        <input
          {...p}
          className={`input ${opts.numeric ? 'input--num' : ''}`}
          inputMode={opts.numeric ? 'decimal' : undefined}
          list={opts.list}
          placeholder={opts.placeholder}
          value={draft[k] as string}
          onChange={(e) => set({ [k]: e.target.value } as Partial<Draft>)}
        />
      )}
    </FormField>
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? undefined : onClose())}
      size="lg"
      title={segment ? t('portfolio.segments.editTitle', { name: segment.name }) : t('portfolio.segments.newTitle')}
      description={t('portfolio.segments.dialogBody')}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!result.fields || busy) return;
        setBusy(true);
        void onSave(result.fields).then((ok) => {
          setBusy(false);
          if (ok) onClose();
        });
      }}
      actions={
        <>
          <Button variant="ghost" type="button" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={busy} aria-busy={busy || undefined}>
            {segment ? t('portfolio.segments.save') : t('portfolio.segments.create')}
          </Button>
        </>
      }
    >
      <datalist id={`${base}-industries`}>
        {industries.map((i) => (
          <option key={i} value={i} />
        ))}
      </datalist>
      <datalist id={`${base}-regions`}>
        {regions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div className="form-grid">
        {text('name', t('portfolio.segments.name'))}
        {text('targetSource', t('portfolio.segments.source'), { placeholder: t('portfolio.segments.sourcePlaceholder') })}
      </div>
      <h3 className="subhead">{t('portfolio.segments.rule')}</h3>
      <div className="form-grid">
        {text('industry', t('portfolio.segments.industry'), { list: `${base}-industries`, placeholder: t('portfolio.segments.any') })}
        {text('region', t('portfolio.segments.region'), { list: `${base}-regions`, placeholder: t('portfolio.segments.any') })}
        <FormField id={`${base}-size`} label={t('portfolio.segments.size')}>
          {(p) => (
            <select
              {...p}
              className="input select"
              value={draft.sizeClass}
              onChange={(e) => set({ sizeClass: e.target.value as SizeClass | '' })}
            >
              <option value="">{t('portfolio.segments.anySize')}</option>
              {SIZE_CLASSES.map((s) => (
                <option key={s} value={s}>
                  {t(`size.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('minFit', t('portfolio.segments.minFit'), {
          numeric: true,
          placeholder: t('portfolio.segments.any'),
          hint: t('portfolio.segments.minFitHint'),
        })}
      </div>
      <h3 className="subhead">{t('portfolio.segments.market')}</h3>
      <div className="form-grid">
        {text('targetCustomers', t('portfolio.segments.targets'), { numeric: true })}
        {text('avgSpend', t('portfolio.segments.avgSpend'), { numeric: true })}
        <FormField id={`${base}-currency`} label={t('portfolio.segments.currency')}>
          {(p) => (
            <select {...p} className="input select" value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
              {[...new Set([draft.currency, ...currencies])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('winRate', t('portfolio.segments.winRate'), { numeric: true, hint: t('portfolio.segments.winRateHint') })}
      </div>
    </Dialog>
  );
}
