import { useTranslation } from 'react-i18next';
import { CircleCheck, OctagonAlert, TriangleAlert } from 'lucide-react';
import type { Guardrail } from '@shared/domain/acceleration';
import { guardrailText } from '../quoteText';

/** Guardrails as warnings with their reason — never silent (PRODUCT §4). */
export function GuardrailList({ guardrails, currency }: { guardrails: readonly Guardrail[]; currency: string }) {
  const { t } = useTranslation();
  if (guardrails.length === 0)
    return (
      <p className="checks__ok">
        <CircleCheck size={16} aria-hidden /> {t('quote.guard.none')}
      </p>
    );
  return (
    <ul className="checks__list" aria-label={t('quote.guardrails')}>
      {guardrails.map((g, i) => (
        <li key={`${g.id}-${i}`} className={`check ${g.blocking ? 'check--critical' : 'check--warning'}`}>
          <span className="check__icon">
            {g.blocking ? <OctagonAlert size={16} aria-hidden /> : <TriangleAlert size={16} aria-hidden />}
          </span>
          <div>
            <p className="check__title">
              {t(`quote.guardTitle.${g.id}`)}
              <span className="sr-only">{g.blocking ? t('quote.blocking') : t('quote.warning')}</span>
            </p>
            <p className="check__why">{guardrailText(g, t, currency)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
