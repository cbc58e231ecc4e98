import { useTranslation } from 'react-i18next';
import { Check } from 'lucide-react';
import { useCsvImport, type Step } from '../hooks/useCsvImport';
import { FilesStep } from './FilesStep';
import { MappingStep } from './MappingStep';
import { CheckStep } from './CheckStep';
import { DoneStep } from './DoneStep';

const STEPS: readonly Step[] = ['files', 'columns', 'check', 'done'];

/**
 * Bring accounts and contacts in from a CRM export or a spreadsheet, in four steps: the files,
 * their columns, a dry run that says exactly what will happen, and the import (one undo).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const imp = useCsvImport();
  const at = STEPS.indexOf(imp.step);
  const reachable = (s: Step): boolean => {
    if (imp.step === 'done') return s === 'done';
    if (s === 'files') return true;
    if (s === 'columns') return imp.ready.length > 0;
    if (s === 'check') return imp.planned !== null;
    return false;
  };
  return (
    <div className="page csv-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('csv.import.title')}</h1>
          <p className="muted">{t('csv.import.subtitle')}</p>
        </div>
      </div>
      <nav aria-label={t('csv.import.stepsLabel')}>
        <ol className="stepper">
          {STEPS.map((s, i) => {
            const state = i < at ? 'done' : i === at ? 'current' : 'todo';
            const label = (
              <>
                <span className="stepper__dot" aria-hidden>
                  {state === 'done' ? <Check size={13} /> : i + 1}
                </span>
                <span>{t(`csv.step.${s}`)}</span>
              </>
            );
            return (
              <li key={s} className={`stepper__item stepper__item--${state}`}>
                {state !== 'current' && reachable(s) ? (
                  <button type="button" className="stepper__btn" onClick={() => imp.setStep(s)}>
                    {label}
                  </button>
                ) : (
                  <span className="stepper__btn" aria-current={state === 'current' ? 'step' : undefined}>
                    {label}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {imp.step === 'files' ? <FilesStep imp={imp} /> : null}
      {imp.step === 'columns' ? <MappingStep imp={imp} /> : null}
      {imp.step === 'check' ? <CheckStep imp={imp} /> : null}
      {imp.step === 'done' ? <DoneStep imp={imp} /> : null}
    </div>
  );
}
