import { useTranslation } from 'react-i18next';
import {
  COMMUNICATOR_ROLES,
  MAX_TEXT,
  SPIRAL_STAGES,
  nextSpiralStep,
  type CommunicatorRole,
  type SpiralStage,
} from '@shared/domain/account';
import { assessCommunicator } from '@shared/domain/communicator';
import { InlineInput, SelectField } from '../../../../ui/fields';
import { Button } from '../../../../ui/Button';
import { dateParser, numberParser, textParser } from '../../../../lib/parsers';
import type { SectionProps } from '../OverviewTab';

/** The relationship spiral (stage and lap) and our communicator with their tenure (PRODUCT §1). */
export function RelationshipSection({ account, save, today }: SectionProps) {
  const { t } = useTranslation();
  const comm = assessCommunicator(account, today);
  const next = nextSpiralStep(account.spiralStage, account.spiralLap);
  const stageIndex = SPIRAL_STAGES.indexOf(account.spiralStage);
  return (
    <section className="card" id="section-communicator" aria-labelledby="rel-h">
      <h2 id="rel-h" className="card__title">
        {t('account.section.relationship')}
      </h2>
      <div className="spiral" aria-label={t('spiral.label', { lap: account.spiralLap })} role="group">
        <ol className="spiral__steps">
          {SPIRAL_STAGES.map((s, i) => (
            <li
              key={s}
              className={`spiral__step ${i < stageIndex ? 'spiral__step--done' : ''} ${i === stageIndex ? 'spiral__step--now' : ''}`}
              aria-current={i === stageIndex ? 'step' : undefined}
            >
              <span className="spiral__q">Q{i + 1}</span>
              <span>{t(`spiral.${s}`)}</span>
            </li>
          ))}
        </ol>
        <div className="spiral__controls">
          <SelectField<SpiralStage>
            label={t('account.field.spiralStage')}
            value={account.spiralStage}
            options={SPIRAL_STAGES.map((s) => ({ value: s, label: t(`spiral.${s}`) }))}
            onChange={(spiralStage) => save({ spiralStage })}
          />
          <InlineInput
            label={t('account.field.spiralLap')}
            saved={String(account.spiralLap)}
            parse={numberParser({ min: 1, max: 999, integer: true })}
            onCommit={(spiralLap: number) => save({ spiralLap })}
            inputMode="numeric"
            align="end"
          />
          <Button size="sm" onClick={() => save({ spiralStage: next.stage, spiralLap: next.lap })}>
            {next.lap > account.spiralLap
              ? t('spiral.newLap', { lap: next.lap })
              : t('spiral.advance', { stage: t(`spiral.${next.stage}`) })}
          </Button>
        </div>
        <p className="field__hint">{t(`spiral.${account.spiralStage}Hint`)}</p>
      </div>
      <div className="form-grid">
        <InlineInput
          label={t('account.field.communicator')}
          saved={account.communicator}
          parse={textParser({ max: MAX_TEXT })}
          onCommit={(communicator: string) => save({ communicator })}
          placeholder={t('account.placeholder.person')}
        />
        <SelectField<CommunicatorRole>
          label={t('account.field.communicatorRole')}
          value={account.communicatorRole}
          options={COMMUNICATOR_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={(communicatorRole) => save({ communicatorRole })}
          hint={comm.engineerInSeat ? <span className="text-warning">{t('account.hint.engineerInSeat')}</span> : undefined}
        />
        <InlineInput
          type="date"
          label={t('account.field.communicatorSince')}
          saved={account.communicatorSince ?? ''}
          parse={dateParser()}
          onCommit={(communicatorSince) => save({ communicatorSince })}
          hint={
            comm.tenureMonths === null ? undefined : (
              <span className={comm.rotationDue ? 'text-warning' : undefined}>
                {t(comm.rotationDue ? 'account.hint.rotationDue' : 'account.hint.tenure', { count: comm.tenureMonths })}
              </span>
            )
          }
        />
      </div>
    </section>
  );
}
