import { useTranslation } from 'react-i18next';
import { SIZE_CLASSES, changeCurrencyPatch, isSmallDealAtBigCompany, openWallet, type SizeClass } from '@shared/domain/account';
import { currencyDigits, isCurrencyCode } from '@shared/domain/money';
import { InlineInput, SelectField } from '../../../../ui/fields';
import { dateParser, moneyParser } from '../../../../lib/parsers';
import { formatMoney, moneyInputValue } from '../../../../lib/format';
import type { SectionProps } from '../OverviewTab';
import type { Parsed } from '../../../../lib/parsers';

/** ARR, potential, currency, contract dates and size class (PRODUCT §1). */
export function CommercialSection({ account, save }: SectionProps) {
  const { t } = useTranslation();
  const c = account.currency;
  const currencyParse = (s: string): Parsed<string> => {
    const v = s.trim().toUpperCase();
    return isCurrencyCode(v) ? { ok: true, value: v } : { ok: false, error: t('validation.currency') };
  };
  return (
    <section className="card" id="section-arr" aria-labelledby="commercial-h">
      <h2 id="commercial-h" className="card__title">
        {t('account.section.commercial')}
      </h2>
      <div className="form-grid">
        <InlineInput
          label={t('account.field.arr')}
          saved={moneyInputValue(account.arr, c)}
          parse={moneyParser(c)}
          onCommit={(arr) => save({ arr })}
          inputMode="decimal"
          align="end"
          suffix={c}
        />
        <InlineInput
          label={t('account.field.potentialArr')}
          saved={moneyInputValue(account.potentialArr, c)}
          parse={moneyParser(c)}
          onCommit={(potentialArr) => save({ potentialArr })}
          inputMode="decimal"
          align="end"
          suffix={c}
          hint={
            isSmallDealAtBigCompany(account)
              ? t('account.hint.smallDeal', { open: formatMoney(openWallet(account), c) })
              : t('account.hint.potential')
          }
        />
        <InlineInput
          label={t('account.field.currency')}
          saved={c}
          parse={currencyParse}
          onCommit={(currency: string) => save(changeCurrencyPatch(account, currency, currencyDigits))}
          maxLength={3}
          hint={t('account.hint.currency')}
        />
        <SelectField<SizeClass>
          label={t('account.field.sizeClass')}
          value={account.sizeClass}
          options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`size.${s}`) }))}
          onChange={(sizeClass) => save({ sizeClass })}
          hint={t(`size.${account.sizeClass}Hint`)}
        />
        <InlineInput
          type="date"
          label={t('account.field.contractStart')}
          saved={account.contractStart ?? ''}
          parse={dateParser()}
          onCommit={(contractStart) => save({ contractStart })}
        />
        <InlineInput
          type="date"
          label={t('account.field.renewalDate')}
          saved={account.renewalDate ?? ''}
          parse={dateParser()}
          onCommit={(renewalDate) => save({ renewalDate })}
        />
      </div>
    </section>
  );
}
