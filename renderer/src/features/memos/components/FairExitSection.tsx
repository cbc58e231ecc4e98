import { useTranslation } from 'react-i18next';
import { DoorOpen } from 'lucide-react';
import { exitFigures, noticeCutShort } from '@shared/domain/fairExit';
import { isHours, MAX_MEMO_LINE, MAX_MEMO_TITLE, MAX_NOTICE_DAYS, MAX_EXIT_HOURS } from '@shared/domain/memo';
import type { Minor } from '@shared/domain/money';
import type { AccountRow, MemoExitRow } from '../../../db/database';
import { Button } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { Link } from '../../../ui/Link';
import { formatDate, formatMoney, formatNumber, moneyInputValue } from '../../../lib/format';
import { dateParser, moneyParser, numberParser, textParser, type Parsed } from '../../../lib/parsers';
import { useToday } from '../../../lib/today';
import { useMemoActions } from '../hooks/useMemoActions';
import { exitSentence } from '../memoText';
import { ReadField } from './ReadField';

const hoursParser = (msg: string) => {
  const num = numberParser({ min: 0, max: MAX_EXIT_HOURS });
  return (s: string): Parsed<number> => {
    const r = num(s);
    return r.ok && !isHours(r.value) ? { ok: false, error: msg } : r;
  };
};

/**
 * A fair exit (seed 002): what the customer is given on the way out, its one-off cost, and the
 * profit the account destroys a year, so the memo can say what the exit costs and what it saves.
 */
export function FairExitSection({
  memoId,
  exits,
  accounts,
  draftAccountId,
  readOnly,
}: {
  memoId: string;
  exits: readonly MemoExitRow[];
  accounts: ReadonlyMap<string, AccountRow>;
  /** The account the memo was drafted from: offered a fair exit when it has none. */
  draftAccountId: string | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const draftAccount = draftAccountId ? accounts.get(draftAccountId) : undefined;
  if (exits.length === 0 && (readOnly || !draftAccount)) return null;
  return (
    <section className="card fair-exit" aria-labelledby="fair-exit-h">
      <h2 className="card__title" id="fair-exit-h">
        {t('memo.exit.title')}
      </h2>
      {exits.length === 0 && draftAccount ? (
        <div className="fair-exit__empty">
          <p className="muted">{t('memo.exit.emptyBody', { account: draftAccount.name })}</p>
          <Button icon={<DoorOpen size={15} aria-hidden />} onClick={() => void actions.setExit(memoId, draftAccount.id, {})}>
            {t('memo.exit.add')}
          </Button>
        </div>
      ) : null}
      {exits.map((exit) => {
        const account = accounts.get(exit.accountId);
        return account ? (
          <ExitTerms key={exit.id} memoId={memoId} exit={exit} account={account} readOnly={readOnly} />
        ) : (
          <p key={exit.id} className="text-warning">
            {t('memo.exit.accountGone')}
          </p>
        );
      })}
    </section>
  );
}

function ExitTerms({ memoId, exit, account, readOnly }: { memoId: string; exit: MemoExitRow; account: AccountRow; readOnly: boolean }) {
  const { t } = useTranslation();
  const today = useToday();
  const actions = useMemoActions();
  const cur = exit.currency;
  const f = exitFigures(exit, account);
  const money = (v: Minor) => formatMoney(v, cur, { whole: true });
  const save = (patch: Parameters<typeof actions.setExit>[2]) => void actions.setExit(memoId, exit.accountId, patch);
  const hours = hoursParser(t('memo.exit.hoursPrecision'));
  return (
    <div className="fair-exit__body">
      <p className="fair-exit__who">
        {t('memo.exit.for')} <Link to={{ name: 'account', id: account.id, tab: 'overview' }}>{account.name}</Link>
      </p>
      <p className="fair-exit__sentence" data-testid="exit-sentence">
        {exitSentence(t, f)}
      </p>
      {f.noCostData ? <p className="text-warning small">{t('memo.exit.noCostData')}</p> : null}
      {noticeCutShort(exit, today) && !readOnly ? (
        <p className="text-warning small">{t('memo.exit.noticeShort', { days: exit.noticeDays })}</p>
      ) : null}
      <div className="fair-exit__grid">
        {readOnly ? (
          <>
            <ReadField label={t('memo.exit.withdraw')}>
              {exit.withdrawProposal ? exit.proposal || t('common.yes') : t('common.no')}
            </ReadField>
            <ReadField label={t('memo.exit.refund')}>{money(exit.refund)}</ReadField>
            <ReadField label={t('memo.exit.refundTerms')}>{exit.refundTerms}</ReadField>
            <ReadField label={t('memo.exit.exportHours')}>{formatNumber(exit.exportHours, 2)}</ReadField>
            <ReadField label={t('memo.exit.migrationHours')}>{formatNumber(exit.migrationHours, 2)}</ReadField>
            <ReadField label={t('memo.exit.rate')}>{formatMoney(exit.hourlyRate, cur)}</ReadField>
            <ReadField label={t('memo.exit.partner')}>{exit.partner}</ReadField>
            <ReadField label={t('memo.exit.notice')}>{t('memo.exit.days', { count: exit.noticeDays })}</ReadField>
            <ReadField label={t('memo.exit.date')}>{formatDate(exit.exitDate)}</ReadField>
          </>
        ) : (
          <>
            <div className="field fair-exit__withdraw">
              <label className="check-row">
                <input type="checkbox" checked={exit.withdrawProposal} onChange={(e) => save({ withdrawProposal: e.target.checked })} />
                <span>{t('memo.exit.withdraw')}</span>
              </label>
              <InlineInput
                label={t('memo.exit.proposal')}
                saved={exit.proposal}
                parse={textParser({ max: MAX_MEMO_LINE })}
                onCommit={(proposal: string) => save({ proposal })}
              />
            </div>
            <InlineInput
              label={t('memo.exit.refund')}
              saved={moneyInputValue(exit.refund, cur)}
              parse={moneyParser(cur)}
              onCommit={(refund) => save({ refund })}
              inputMode="decimal"
              align="end"
              suffix={cur}
              hint={t('memo.exit.refundHint', { arr: formatMoney(account.arr, cur) })}
            />
            <InlineInput
              label={t('memo.exit.refundTerms')}
              saved={exit.refundTerms}
              parse={textParser({ max: MAX_MEMO_LINE })}
              onCommit={(refundTerms: string) => save({ refundTerms })}
            />
            <InlineInput
              label={t('memo.exit.exportHours')}
              saved={String(exit.exportHours)}
              parse={hours}
              onCommit={(exportHours: number) => save({ exportHours })}
              inputMode="decimal"
              align="end"
              suffix={t('memo.exit.h')}
            />
            <InlineInput
              label={t('memo.exit.migrationHours')}
              saved={String(exit.migrationHours)}
              parse={hours}
              onCommit={(migrationHours: number) => save({ migrationHours })}
              inputMode="decimal"
              align="end"
              suffix={t('memo.exit.h')}
            />
            <InlineInput
              label={t('memo.exit.rate')}
              saved={moneyInputValue(exit.hourlyRate, cur)}
              parse={moneyParser(cur)}
              onCommit={(hourlyRate) => save({ hourlyRate })}
              inputMode="decimal"
              align="end"
              suffix={cur}
            />
            <InlineInput
              label={t('memo.exit.partner')}
              saved={exit.partner}
              parse={textParser({ max: MAX_MEMO_TITLE })}
              onCommit={(partner: string) => save({ partner })}
            />
            <InlineInput
              label={t('memo.exit.notice')}
              saved={String(exit.noticeDays)}
              parse={numberParser({ min: 0, max: MAX_NOTICE_DAYS, integer: true })}
              onCommit={(noticeDays: number) => save({ noticeDays })}
              inputMode="numeric"
              align="end"
              suffix={t('memo.exit.daysUnit')}
            />
            <InlineInput
              label={t('memo.exit.date')}
              type="date"
              saved={exit.exitDate ?? ''}
              parse={dateParser()}
              onCommit={(exitDate) => save({ exitDate })}
            />
          </>
        )}
      </div>
      <table className="data-table calc fair-exit__calc" aria-label={t('memo.exit.calcLabel')}>
        <tbody>
          <tr>
            <th scope="row">{t('memo.exit.row.refund')}</th>
            <td className="num">{money(f.refund)}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('memo.exit.row.help')}
              <span className="calc__formula">
                {t('memo.exit.row.helpFormula', { hours: formatNumber(f.helpHours, 2), rate: formatMoney(exit.hourlyRate, cur) })}
              </span>
            </th>
            <td className="num">{money(f.help)}</td>
          </tr>
          <tr className="calc__line--total">
            <th scope="row">{t('memo.exit.row.cost')}</th>
            <td className="num">{money(f.cost)}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('memo.exit.row.profit')}
              <span className="calc__formula">{t('memo.exit.row.profitFormula')}</span>
            </th>
            <td className={`num ${f.profitPerYear < 0 ? 'text-danger' : ''}`}>{money(f.profitPerYear)}</td>
          </tr>
          <tr className="calc__line--total">
            <th scope="row">{t('memo.exit.row.saving')}</th>
            <td className={`num ${f.savingPerYear < 0 ? 'text-danger' : ''}`}>{money(f.savingPerYear)}</td>
          </tr>
          <tr>
            <th scope="row">{t('memo.exit.row.payback')}</th>
            <td className="num" data-testid="exit-payback">
              {f.paybackMonths === null ? t('memo.exit.never') : t('memo.exit.months', { months: formatNumber(f.paybackMonths, 1) })}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
