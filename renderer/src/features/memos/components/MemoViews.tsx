import { useTranslation } from 'react-i18next';
import { EXEC_ROLES, MAX_MEMO_LINE, MAX_MEMO_TITLE, STANCES, type ExecRole, type ExecStance } from '@shared/domain/memo';
import type { MemoViewRow } from '../../../db/database';
import { InlineInput, SelectField } from '../../../ui/fields';
import { textParser } from '../../../lib/parsers';
import { useMemoActions } from '../hooks/useMemoActions';
import { unheardSentence } from '../memoText';

const STANCE_TONE: Record<ExecStance, string> = { for: 'success', against: 'danger', neutral: 'neutral', notHeard: 'muted' };

/** Each executive's view (PRODUCT §5): a stance and the reason in a sentence; the unheard are named. */
export function MemoViews({
  memoId,
  views,
  unheard,
  readOnly,
}: {
  memoId: string;
  views: readonly MemoViewRow[];
  unheard: readonly ExecRole[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const byRole = new Map(views.map((v) => [v.role, v]));
  return (
    <section className="card memo-views" aria-labelledby="memo-views-h">
      <h2 className="card__title" id="memo-views-h">
        {t('memo.views.title')}
      </h2>
      <p className={unheard.length > 0 ? 'text-warning' : 'muted'} role="status">
        {unheardSentence(t, unheard)}
      </p>
      <table className="data-table memo-views__table" aria-label={t('memo.views.title')}>
        <thead>
          <tr>
            <th scope="col">{t('memo.views.role')}</th>
            <th scope="col">{t('memo.views.stance')}</th>
            <th scope="col">{t('memo.views.who')}</th>
            <th scope="col">{t('memo.views.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {EXEC_ROLES.map((role) => {
            const v = byRole.get(role);
            const stance: ExecStance = v?.stance ?? 'notHeard';
            const roleName = t(`memo.role.${role}`);
            return (
              <tr key={role}>
                <th scope="row">{roleName}</th>
                <td>
                  {readOnly ? (
                    <span className={`stance-tag stance-tag--${STANCE_TONE[stance]}`}>{t(`memo.stance.${stance}`)}</span>
                  ) : (
                    <SelectField
                      hideLabel
                      label={t('memo.views.stanceOf', { role: roleName })}
                      value={stance}
                      options={STANCES.map((s) => ({ value: s, label: t(`memo.stance.${s}`) }))}
                      onChange={(s) => void actions.setView(memoId, role, { stance: s })}
                    />
                  )}
                </td>
                <td>
                  {readOnly ? (
                    v?.who || <span className="muted">—</span>
                  ) : (
                    <InlineInput
                      hideLabel
                      label={t('memo.views.whoOf', { role: roleName })}
                      saved={v?.who ?? ''}
                      parse={textParser({ max: MAX_MEMO_TITLE })}
                      onCommit={(who: string) => void actions.setView(memoId, role, { who })}
                    />
                  )}
                </td>
                <td className="memo-views__reason">
                  {readOnly ? (
                    v?.reason || <span className="muted">—</span>
                  ) : (
                    <InlineInput
                      hideLabel
                      label={t('memo.views.reasonOf', { role: roleName })}
                      saved={v?.reason ?? ''}
                      parse={textParser({ max: MAX_MEMO_LINE })}
                      onCommit={(reason: string) => void actions.setView(memoId, role, { reason })}
                      placeholder={t('memo.views.reasonPlaceholder')}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
