import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { MAX_SEATS, seatCostPerYear, type Benefit, type ClubProgramFields } from '@shared/domain/club';
import { asMinor } from '@shared/domain/money';
import { formatMoney, moneyInputValue } from '../../../lib/format';
import { moneyParser, numberParser, textParser } from '../../../lib/parsers';
import { Button, IconButton } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { useClubActions } from '../hooks/useClubActions';

/** Program settings: name, seat cap, cadence, and the benefits with what each costs per member per year. */
export function ProgramSection({ program }: { program: ClubProgramFields }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const [newBenefit, setNewBenefit] = useState('');
  const cur = program.currency;
  const setBenefits = (benefits: Benefit[]) => actions.updateProgram({ benefits });
  return (
    <div className="program">
      <section className="card" aria-labelledby="program-h">
        <h2 className="card__title" id="program-h">
          {t('club.program.title')}
        </h2>
        <div className="form-grid form-grid--3">
          <InlineInput
            label={t('club.program.name')}
            saved={program.name}
            parse={textParser({ required: true, max: 120 })}
            onCommit={(name: string) => actions.updateProgram({ name })}
          />
          <InlineInput
            label={t('club.program.seatCap')}
            saved={String(program.seatCap)}
            parse={numberParser({ min: 1, max: MAX_SEATS, integer: true })}
            onCommit={(seatCap: number) => actions.updateProgram({ seatCap })}
            inputMode="numeric"
            align="end"
          />
          <InlineInput
            label={t('club.program.cadence')}
            saved={String(program.retreatsPerYear)}
            parse={numberParser({ min: 0, max: 12, integer: true })}
            onCommit={(retreatsPerYear: number) => actions.updateProgram({ retreatsPerYear })}
            inputMode="numeric"
            align="end"
            hint={t('club.program.cadenceHint')}
          />
        </div>
      </section>
      <section className="card" aria-labelledby="benefits-h">
        <h2 className="card__title" id="benefits-h">
          {t('club.program.benefits')}
        </h2>
        {program.benefits.length === 0 ? <p className="muted">{t('club.program.noBenefits')}</p> : null}
        <ul className="benefits">
          {program.benefits.map((b, i) => (
            <li key={i} className="benefits__row">
              <InlineInput
                label={t('club.program.benefitName')}
                saved={b.name}
                parse={textParser({ required: true, max: 120 })}
                onCommit={(name: string) => setBenefits(program.benefits.map((x, j) => (j === i ? { ...x, name } : x)))}
              />
              <InlineInput
                className="benefits__desc"
                label={t('club.program.benefitDesc')}
                saved={b.description}
                parse={textParser({ max: 2000 })}
                onCommit={(description: string) => setBenefits(program.benefits.map((x, j) => (j === i ? { ...x, description } : x)))}
              />
              <InlineInput
                label={t('club.program.benefitCost', { currency: cur })}
                saved={moneyInputValue(b.yearlyCost, cur)}
                parse={moneyParser(cur)}
                onCommit={(yearlyCost) => setBenefits(program.benefits.map((x, j) => (j === i ? { ...x, yearlyCost } : x)))}
                inputMode="decimal"
                align="end"
                suffix={cur}
              />
              <IconButton
                label={t('club.program.removeBenefit', { name: b.name })}
                icon={<Trash2 size={14} aria-hidden />}
                onClick={() => setBenefits(program.benefits.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newBenefit.trim();
            if (!name) return;
            setBenefits([...program.benefits, { name, description: '', yearlyCost: asMinor(0) }]);
            setNewBenefit('');
          }}
        >
          <FormField id="new-benefit" label={t('club.program.newBenefit')} className="inline-form__grow">
            {(p) => (
              <input
                {...p}
                className="input"
                value={newBenefit}
                maxLength={120}
                onChange={(e) => setNewBenefit(e.target.value)}
                placeholder={t('club.program.newBenefitPlaceholder')}
              />
            )}
          </FormField>
          <Button type="submit" icon={<Plus size={14} aria-hidden />}>
            {t('club.program.addBenefit')}
          </Button>
        </form>
        <p className="benefits__total">
          {t('club.program.seatCost')} <strong>{formatMoney(seatCostPerYear(program), cur, { exact: true })}</strong>
        </p>
      </section>
    </div>
  );
}
