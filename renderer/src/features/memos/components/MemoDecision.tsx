import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Gavel } from 'lucide-react';
import { decideProblems, isEditable, MAX_MEMO_TEXT, MAX_MEMO_TITLE } from '@shared/domain/memo';
import type { FigureChange } from '@shared/domain/memoFigures';
import { asMinor } from '@shared/domain/money';
import { Button } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { InlineTextarea, SelectField } from '../../../ui/fields';
import { formatDate, formatEm, formatMoney } from '../../../lib/format';
import type { MemoDoc } from '../hooks/useMemoDoc';
import { useMemoActions } from '../hooks/useMemoActions';
import { ReadField } from './ReadField';

const NONE = '';

/** The recommendation, then the decision: chosen because, its consequences, who and when — and, once decided, what changed since. */
export function MemoDecision({ doc }: { doc: MemoDoc }) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const { memo, options } = doc;
  const open = isEditable(memo.status);
  const name = (id: string | null) => options.find((o) => o.id === id)?.name ?? '';
  return (
    <section className="card memo-decision" aria-labelledby="memo-decision-h">
      <h2 className="card__title" id="memo-decision-h">
        {t('memo.decision.title')}
      </h2>
      {open ? (
        <div className="form-grid form-grid--2">
          <SelectField
            label={t('memo.decision.recommended')}
            value={memo.recommendedOptionId ?? NONE}
            options={[{ value: NONE, label: t('memo.decision.noRecommendation') }, ...options.map((o) => ({ value: o.id, label: o.name }))]}
            onChange={(id) => void actions.update(memo.id, { recommendedOptionId: id === NONE ? null : id })}
          />
          <span />
          <InlineTextarea
            className="span-2"
            label={t('memo.decision.recommendation')}
            saved={memo.recommendation}
            rows={3}
            maxLength={MAX_MEMO_TEXT}
            tooLong={t('validation.tooLong', { max: MAX_MEMO_TEXT })}
            placeholder={t('memo.placeholder.recommendation')}
            onCommit={(recommendation) => void actions.update(memo.id, { recommendation })}
          />
        </div>
      ) : (
        <div className="form-grid form-grid--2">
          <ReadField label={t('memo.decision.recommended')}>{name(memo.recommendedOptionId)}</ReadField>
          <ReadField label={t('memo.decision.recommendation')} className="span-2">
            <p className="prewrap">{memo.recommendation}</p>
          </ReadField>
        </div>
      )}
      {open ? <DecideForm doc={doc} /> : <Decided doc={doc} />}
    </section>
  );
}

function DecideForm({ doc }: { doc: MemoDoc }) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const { memo, options } = doc;
  const [chosen, setChosen] = useState<string>(memo.recommendedOptionId ?? NONE);
  const [because, setBecause] = useState('');
  const [consequences, setConsequences] = useState('');
  const [decidedBy, setDecidedBy] = useState(memo.approver);
  const [problems, setProblems] = useState<string[]>([]);
  const choice = chosen === NONE ? (memo.recommendedOptionId ?? NONE) : chosen;
  return (
    <form
      className="decide-form"
      aria-labelledby="decide-h"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const decision = { chosenOptionId: choice === NONE ? null : choice, chosenBecause: because, consequences, decidedBy };
        const found = decideProblems(
          memo,
          options.map((o) => o.id),
          decision,
        );
        setProblems(found.map((p) => t(`memo.refused.${p}`)));
        if (found.length > 0) return;
        await actions.decide(memo.id, decision, doc.freeze);
      }}
    >
      <h3 className="subhead" id="decide-h">
        {t('memo.decision.decideTitle')}
      </h3>
      <p className="muted small">{t('memo.decision.decideBody')}</p>
      <div className="form-grid form-grid--2">
        <FormField id="decide-option" label={t('memo.decision.chosen')}>
          {(p) => (
            <select {...p} className="input select" value={choice} onChange={(e) => setChosen(e.target.value)}>
              <option value={NONE}>{t('memo.decision.choose')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="decide-by" label={t('memo.decision.decidedBy')}>
          {(p) => (
            <input {...p} className="input" value={decidedBy} maxLength={MAX_MEMO_TITLE} onChange={(e) => setDecidedBy(e.target.value)} />
          )}
        </FormField>
        <FormField id="decide-because" label={t('memo.decision.because')} className="span-2">
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              value={because}
              maxLength={MAX_MEMO_TEXT}
              onChange={(e) => setBecause(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="decide-consequences" label={t('memo.decision.consequences')} className="span-2">
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              value={consequences}
              maxLength={MAX_MEMO_TEXT}
              onChange={(e) => setConsequences(e.target.value)}
            />
          )}
        </FormField>
      </div>
      {problems.length > 0 ? (
        <ul className="field__error decide-form__problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {doc.unheard.length > 0 ? (
        <p className="text-warning small">{t('memo.decision.unheardWarning', { count: doc.unheard.length })}</p>
      ) : null}
      <div className="decide-form__actions">
        <Button variant="primary" type="submit" icon={<Gavel size={15} aria-hidden />}>
          {t('memo.decision.decide')}
        </Button>
      </div>
    </form>
  );
}

function Decided({ doc }: { doc: MemoDoc }) {
  const { t } = useTranslation();
  const { memo, options } = doc;
  const chosen =
    options.find((o) => o.id === memo.chosenOptionId)?.name ??
    memo.decidedFigures?.options.find((o) => o.id === memo.chosenOptionId)?.name ??
    '';
  const cur = memo.decidedFigures?.currency ?? doc.currency;
  return (
    <div className="decided">
      <p className="decided__line" data-testid="decided-line">
        {t('memo.decision.decidedLine', { option: chosen, who: memo.decidedBy, date: formatDate(memo.decidedOn) })}
      </p>
      <div className="form-grid form-grid--2">
        <ReadField label={t('memo.decision.because')} className="span-2">
          <p className="prewrap">{memo.chosenBecause}</p>
        </ReadField>
        <ReadField label={t('memo.decision.consequences')} className="span-2">
          <p className="prewrap">{memo.consequences}</p>
        </ReadField>
      </div>
      <h3 className="subhead">{t('memo.changes.title')}</h3>
      {doc.changes.length === 0 ? (
        <p className="muted">{t('memo.changes.none')}</p>
      ) : (
        <ul className="changes" aria-label={t('memo.changes.title')}>
          {doc.changes.map((c) => (
            <li key={`${c.optionId}-${c.figure}`}>{changeText(t, c, cur, memo.decidedFigures?.exit?.currency)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** "Pull it forward: cost €84,000 → €92,400." */
export function changeText(t: T, c: FigureChange, currency: string, exitCurrency: string = currency): string {
  const value = (v: string | number) => {
    if (typeof v === 'string') return v || t('memo.changes.nothing');
    if (c.figure === 'effortEm') return t('memo.options.em', { em: formatEm(v) });
    if (c.figure === 'customers') return String(v);
    return formatMoney(asMinor(v), c.figure === 'exitSaving' ? exitCurrency : currency, { whole: true });
  };
  if (c.figure === 'currency') return t('memo.changes.currency', { then: c.then, now: c.now });
  if (c.figure === 'removed') return t('memo.changes.removed', { option: c.optionName });
  return t('memo.changes.line', {
    option: c.optionName,
    figure: t(`memo.changes.figure.${c.figure}`),
    then: value(c.then),
    now: value(c.now),
  });
}
