import { useTranslation } from 'react-i18next';
import { MAX_NOTES, MAX_TEXT } from '@shared/domain/account';
import { InlineInput, InlineTextarea } from '../../../../ui/fields';
import { tagsParser, textParser } from '../../../../lib/parsers';
import type { SectionProps } from '../OverviewTab';

/** Who the customer is, who owns it on our side, tags and free notes. */
export function ProfileSection({ account, save }: SectionProps) {
  const { t } = useTranslation();
  const text = textParser({ max: MAX_TEXT });
  return (
    <section className="card" aria-labelledby="profile-h">
      <h2 id="profile-h" className="card__title">
        {t('account.section.profile')}
      </h2>
      <div className="form-grid">
        <InlineInput
          label={t('account.field.industry')}
          saved={account.industry}
          parse={text}
          onCommit={(industry: string) => save({ industry })}
        />
        <InlineInput
          label={t('account.field.region')}
          saved={account.region}
          parse={text}
          onCommit={(region: string) => save({ region })}
        />
        <InlineInput
          label={t('account.field.owner')}
          saved={account.owner}
          parse={text}
          onCommit={(owner: string) => save({ owner })}
          placeholder={t('account.placeholder.person')}
        />
        <InlineInput
          label={t('account.field.tags')}
          saved={account.tags.join(', ')}
          parse={tagsParser}
          onCommit={(tags: string[]) => save({ tags })}
          hint={t('account.hint.tags')}
        />
      </div>
      <InlineTextarea
        label={t('account.field.notes')}
        saved={account.notes}
        onCommit={(notes) => save({ notes })}
        maxLength={MAX_NOTES}
        tooLong={t('validation.tooLong', { max: MAX_NOTES })}
        rows={4}
      />
    </section>
  );
}
