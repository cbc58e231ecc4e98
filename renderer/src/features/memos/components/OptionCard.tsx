import { useTranslation } from 'react-i18next';
import { Check, Star, Trash2 } from 'lucide-react';
import { MAX_MEMO_TEXT, MAX_MEMO_TITLE, type FrozenOption } from '@shared/domain/memo';
import type { OptionFigures } from '@shared/domain/memoFigures';
import type { MemoOptionRow } from '../../../db/database';
import { Badge, IconButton } from '../../../ui/Button';
import { InlineInput, InlineTextarea, SelectField } from '../../../ui/fields';
import { Link } from '../../../ui/Link';
import { formatEm, formatMoney, moneyInputValue } from '../../../lib/format';
import { engineerMonthsParser, moneyParser, quarterParser, textParser } from '../../../lib/parsers';
import type { RoadmapRows } from '../../roadmap';
import { useMemoActions } from '../hooks/useMemoActions';
import { ifThenSentence } from '../memoText';
import { LinesEditor } from './LinesEditor';
import { OptionFiguresBlock } from './OptionFiguresBlock';
import { ReadField } from './ReadField';

const NONE = '';

/** One side of the either/or: what we would do, its effort and quarter, and what follows from them. */
export function OptionCard({
  option,
  figures,
  frozen,
  roadmap,
  currency,
  readOnly,
  canRemove,
  recommended,
  chosen,
}: {
  option: MemoOptionRow;
  figures: OptionFigures | null;
  frozen: FrozenOption | null;
  roadmap: RoadmapRows;
  currency: string;
  readOnly: boolean;
  canRemove: boolean;
  recommended: boolean;
  chosen: boolean;
}) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const save = (patch: Parameters<typeof actions.updateOption>[1]) => void actions.updateOption(option.id, patch);
  const item = option.itemId ? roadmap.items.find((i) => i.id === option.itemId) : undefined;
  const quotes = option.itemId ? roadmap.quotes.filter((q) => q.itemId === option.itemId) : [];
  const quote = option.quoteId ? roadmap.quotes.find((q) => q.id === option.quoteId) : undefined;
  const headingId = `opt-${option.id}-h`;
  const items = [...roadmap.items].sort((a, b) => a.title.localeCompare(b.title));
  const sentence = frozen ? ifThenSentence(t, option.name, figuresLike(frozen)) : figures ? ifThenSentence(t, option.name, figures) : '';
  return (
    <article
      className={`card option-card ${chosen ? 'option-card--chosen' : recommended ? 'option-card--recommended' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="option-card__head">
        <h3 className="option-card__name" id={headingId}>
          {option.name}
        </h3>
        {chosen ? (
          <Badge tone="success">
            <Check size={12} aria-hidden /> {t('memo.options.chosen')}
          </Badge>
        ) : recommended ? (
          <Badge tone="accent">
            <Star size={12} aria-hidden /> {t('memo.options.recommended')}
          </Badge>
        ) : null}
        {!readOnly && canRemove ? (
          <IconButton
            label={t('memo.options.remove', { name: option.name })}
            icon={<Trash2 size={14} aria-hidden />}
            onClick={() => void actions.removeOption(option.id, option.name)}
          />
        ) : null}
      </header>
      <p className="option-card__ifthen">{sentence}</p>
      {readOnly ? (
        <div className="form-grid form-grid--2">
          <ReadField label={t('memo.options.what')} className="span-2">
            {option.what}
          </ReadField>
          <ReadField label={t('memo.options.item')}>
            {item ? <Link to={{ name: 'item', id: item.id }}>{item.title}</Link> : t('memo.options.newWork')}
          </ReadField>
          <ReadField label={t('memo.options.quote')}>
            {quote ? <Link to={{ name: 'quote', id: quote.id }}>{quote.name}</Link> : '—'}
          </ReadField>
          <ReadField label={t('memo.options.effort')}>
            {t('memo.options.em', { em: formatEm(frozen?.effortEm ?? option.effortEm) })}
          </ReadField>
          <ReadField label={t('memo.options.quarter')}>
            <span className="mono">{frozen?.quarter ?? option.quarter}</span>
          </ReadField>
          <ReadField label={t('memo.options.otherCost')}>{formatMoney(option.otherCost, currency)}</ReadField>
        </div>
      ) : (
        <div className="form-grid form-grid--2">
          <InlineInput
            className="span-2"
            label={t('memo.options.name')}
            saved={option.name}
            parse={textParser({ required: true, max: MAX_MEMO_TITLE })}
            onCommit={(name: string) => save({ name })}
          />
          <InlineTextarea
            className="span-2"
            label={t('memo.options.what')}
            saved={option.what}
            rows={2}
            maxLength={MAX_MEMO_TEXT}
            tooLong={t('validation.tooLong', { max: MAX_MEMO_TEXT })}
            onCommit={(what) => save({ what })}
          />
          <SelectField
            label={t('memo.options.item')}
            value={option.itemId ?? NONE}
            options={[{ value: NONE, label: t('memo.options.newWork') }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
            onChange={(id) => {
              const next = roadmap.items.find((i) => i.id === id);
              save(
                next
                  ? { itemId: next.id, quoteId: null, quarter: next.plannedQuarter, effortEm: next.effortEm }
                  : { itemId: null, quoteId: null },
              );
            }}
          />
          <SelectField
            label={t('memo.options.quote')}
            value={option.quoteId ?? NONE}
            options={[
              { value: NONE, label: t('memo.options.noQuote') },
              ...quotes.map((q) => ({ value: q.id, label: `${q.name} (${t(`quote.status.${q.status}`)})` })),
            ]}
            onChange={(id) => {
              const q = quotes.find((x) => x.id === id);
              save(q ? { quoteId: q.id, quarter: q.targetQuarter, effortEm: q.effortEm } : { quoteId: null });
            }}
          />
          <InlineInput
            label={t('memo.options.effort')}
            saved={String(option.effortEm)}
            parse={engineerMonthsParser({ min: 0, max: 1000 })}
            onCommit={(effortEm: number) => save({ effortEm })}
            inputMode="decimal"
            align="end"
            suffix={t('memo.options.emUnit')}
            hint={item ? t('memo.options.effortHint', { em: formatEm(item.effortEm) }) : undefined}
          />
          <InlineInput
            label={t('memo.options.quarter')}
            saved={option.quarter}
            parse={quarterParser}
            onCommit={(quarter) => save({ quarter })}
            hint={item ? t('memo.options.plannedHint', { quarter: item.plannedQuarter }) : undefined}
          />
          <InlineInput
            label={t('memo.options.otherCost')}
            saved={moneyInputValue(option.otherCost, currency)}
            parse={moneyParser(currency)}
            onCommit={(otherCost) => save({ otherCost })}
            inputMode="decimal"
            align="end"
            suffix={currency}
            hint={t('memo.options.otherCostHint')}
          />
        </div>
      )}
      {option.itemId && !item ? <p className="text-warning small">{t('memo.options.itemGone')}</p> : null}
      {option.quoteId && !quote ? <p className="text-warning small">{t('memo.options.quoteGone')}</p> : null}
      <OptionFiguresBlock live={figures} frozen={frozen} currency={currency} />
      {readOnly ? (
        <ReadField label={t('memo.options.risks')}>{option.risks}</ReadField>
      ) : (
        <InlineTextarea
          label={t('memo.options.risks')}
          saved={option.risks}
          rows={2}
          maxLength={MAX_MEMO_TEXT}
          tooLong={t('validation.tooLong', { max: MAX_MEMO_TEXT })}
          onCommit={(risks) => save({ risks })}
        />
      )}
      <div className="because-pair">
        <LinesEditor
          label={t('memo.lines.good')}
          addLabel={t('memo.lines.addGood', { name: option.name })}
          lines={option.good}
          tone="good"
          readOnly={readOnly}
          onChange={(good) => save({ good })}
        />
        <LinesEditor
          label={t('memo.lines.bad')}
          addLabel={t('memo.lines.addBad', { name: option.name })}
          lines={option.bad}
          tone="bad"
          readOnly={readOnly}
          onChange={(bad) => save({ bad })}
        />
      </div>
    </article>
  );
}

/** The frozen record in the shape the if-then sentence reads (slips and the effort and quarter decided on). */
function figuresLike(f: FrozenOption): Pick<OptionFigures, 'effortEm' | 'quarter' | 'slips'> {
  return {
    effortEm: f.effortEm,
    quarter: f.quarter as OptionFigures['quarter'],
    slips: f.slips.map((s, i) => ({
      id: String(i),
      title: s.title,
      from: s.from as OptionFigures['quarter'],
      to: s.to as OptionFigures['quarter'],
    })),
  };
}
