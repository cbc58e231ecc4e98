import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newQuoteFields, STAFFING_MODES, type StaffingMode } from '@shared/domain/acceleration';
import { currencyDigits } from '@shared/domain/money';
import { addQuarters, quarterOf, quartersBetween, type Quarter } from '@shared/domain/quarter';
import { demandByItem } from '@shared/domain/roadmapView';
import { useRoute } from '../../../stores/route';
import { useToday } from '../../../lib/today';
import { quarterParser, textParser } from '../../../lib/parsers';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';

/** Start a quote: which item, pulled into which quarter, funded by whom, staffed how. */
export function NewQuoteDialog({
  data,
  itemId,
  open,
  onOpenChange,
}: {
  data: RoadmapRows;
  itemId?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const actions = useRoadmapActions();
  const navigate = useRoute((s) => s.navigate);
  const demand = useMemo(() => demandByItem(data), [data]);
  const byDemand = useMemo(
    () =>
      [...data.items]
        .filter((i) => i.status !== 'done' && i.status !== 'dropped')
        .sort((a, b) => (demand.get(b.id)?.total ?? 0) - (demand.get(a.id)?.total ?? 0)),
    [data.items, demand],
  );
  const [item, setItem] = useState(itemId ?? byDemand[0]?.id ?? '');
  const chosen = data.items.find((i) => i.id === item);
  const suggestTarget = (q: Quarter | undefined): string => {
    if (!q) return '';
    const now = quarterOf(today);
    const target = addQuarters(q, -2);
    return quartersBetween(now, target) < 0 ? now : target;
  };
  const [target, setTarget] = useState<string>(() => suggestTarget(chosen?.plannedQuarter));
  const requesters = chosen ? (demand.get(chosen.id)?.requesters.map((r) => r.accountId) ?? []) : [];
  const [funders, setFunders] = useState<string[]>(() => requesters.slice(0, 3));
  const [staffing, setStaffing] = useState<StaffingMode>('hire');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const candidates = [...new Set([...requesters, ...funders])].map((id) => data.accounts.get(id)).filter((a) => a !== undefined);

  const targetR = quarterParser(target);
  const targetError = !targetR.ok
    ? targetR.error
    : chosen && quartersBetween(targetR.value, chosen.plannedQuarter) <= 0
      ? t('quote.targetNotEarlier', { from: chosen.plannedQuarter })
      : null;
  const nameR = textParser({ max: 120 })(name);
  const errors = {
    item: chosen ? null : t('quote.pickItem'),
    target: targetError,
    funders: funders.length === 0 ? t('quote.pickFunder') : null,
    name: nameR.ok ? null : nameR.error,
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!chosen || !targetR.ok || Object.values(errors).some(Boolean)) return;
    const currency = data.settings.currency;
    const fields = newQuoteFields({
      itemId: chosen.id,
      name: (nameR.ok && nameR.value) || t(`quote.defaultName.${staffing}`),
      fromQuarter: chosen.plannedQuarter,
      targetQuarter: targetR.value,
      effortEm: chosen.effortEm,
      currency,
      hoursPerMonth: data.settings.hoursPerMonth,
      staffing,
      funderIds: funders,
      minorPerMajor: 10 ** currencyDigits(currency),
    });
    const out = await actions.createQuote(fields);
    if (!out) return;
    onOpenChange(false);
    navigate({ name: 'quote', id: out.quote.id });
  };
  const show = (k: keyof typeof errors) => (touched ? errors[k] : k === 'target' && target !== '' ? errors.target : null);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('quote.newTitle')}
      description={t('quote.newDesc')}
      className="dialog--wide"
      onSubmit={(e) => void submit(e)}
      actions={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit">
            {t('quote.create')}
          </Button>
        </>
      }
    >
      <div className="form-grid">
        <FormField id="quote-item" label={t('quote.field.item')} error={show('item')}>
          {(p) => (
            <select
              {...p}
              className="input select"
              value={item}
              onChange={(e) => {
                setItem(e.target.value);
                const next = data.items.find((i) => i.id === e.target.value);
                setTarget(suggestTarget(next?.plannedQuarter));
                setFunders((demand.get(e.target.value)?.requesters.map((r) => r.accountId) ?? []).slice(0, 3));
              }}
            >
              {byDemand.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title} · {i.plannedQuarter}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="quote-target"
          label={t('quote.field.target')}
          error={show('target')}
          hint={chosen ? t('quote.plannedIn', { quarter: chosen.plannedQuarter }) : undefined}
        >
          {(p) => <input {...p} className="input mono" value={target} onChange={(e) => setTarget(e.target.value)} />}
        </FormField>
      </div>
      <fieldset className="field">
        <legend className="field__label">{t('quote.field.funders')}</legend>
        <div className="funder-picks">
          {candidates.map((a) => (
            <label key={a.id} className="check-row">
              <input
                type="checkbox"
                checked={funders.includes(a.id)}
                onChange={(e) => setFunders(e.target.checked ? [...funders, a.id] : funders.filter((f) => f !== a.id))}
              />
              <span>{a.name}</span>
              {requesters.includes(a.id) ? <span className="muted">{t('quote.asksForIt')}</span> : null}
            </label>
          ))}
        </div>
        <label className="sr-only" htmlFor="quote-add-funder">
          {t('quote.addFunder')}
        </label>
        <AccountPicker
          id="quote-add-funder"
          accounts={data.accounts}
          exclude={new Set(funders)}
          value=""
          onChange={(id) => id && setFunders([...funders, id])}
          placeholder={t('quote.addFunderOption')}
          aria-invalid={show('funders') ? true : undefined}
          aria-describedby={show('funders') ? 'quote-funders-err' : undefined}
        />
        {show('funders') ? (
          <p className="field__error" id="quote-funders-err" role="alert">
            {errors.funders}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="segmented">
        <legend className="field__label">{t('quote.field.staffing')}</legend>
        {STAFFING_MODES.map((m) => (
          <label key={m} className={`segmented__option ${staffing === m ? 'segmented__option--on' : ''}`}>
            <input type="radio" name="new-staffing" value={m} checked={staffing === m} onChange={() => setStaffing(m)} />
            {t(`quote.staffing.${m}`)}
          </label>
        ))}
      </fieldset>
      <FormField id="quote-name" label={t('quote.field.name')} error={show('name')} hint={t('quote.nameHint')}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t(`quote.defaultName.${staffing}`)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
