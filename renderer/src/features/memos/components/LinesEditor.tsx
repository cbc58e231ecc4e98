import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { MAX_LINES, MAX_MEMO_LINE } from '@shared/domain/memo';
import { IconButton } from '../../../ui/Button';

/**
 * "Good, because …" / "Bad, because …" lines of an option: each a sentence, added with Enter,
 * removed with its ×; read-only once the memo is decided.
 */
export function LinesEditor({
  label,
  addLabel,
  lines,
  tone,
  readOnly,
  onChange,
}: {
  label: string;
  addLabel: string;
  lines: readonly string[];
  tone: 'good' | 'bad';
  readOnly: boolean;
  onChange: (lines: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const v = draft.trim();
    if (v === '') return;
    if (v.length > MAX_MEMO_LINE) return setError(t('validation.tooLong', { max: MAX_MEMO_LINE }));
    if (lines.length >= MAX_LINES) return setError(t('memo.lines.tooMany', { max: MAX_LINES }));
    onChange([...lines, v]);
    setDraft('');
    setError(null);
  };
  return (
    <div className={`because because--${tone}`}>
      <h4 className="because__title" id={`${id}-h`}>
        {label}
      </h4>
      {lines.length > 0 ? (
        <ul className="because__list" aria-labelledby={`${id}-h`}>
          {lines.map((l, i) => (
            <li key={`${i}-${l}`}>
              <span>{l}</span>
              {!readOnly ? (
                <IconButton
                  label={t('memo.lines.remove', { line: l })}
                  icon={<X size={12} aria-hidden />}
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : readOnly ? (
        <p className="muted small">{t('memo.lines.none')}</p>
      ) : null}
      {!readOnly ? (
        <>
          <label className="sr-only" htmlFor={`${id}-in`}>
            {addLabel}
          </label>
          <input
            id={`${id}-in`}
            className="input input--sm"
            placeholder={addLabel}
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            onBlur={add}
          />
          {error ? (
            <p className="field__error" id={`${id}-err`} role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
