import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import {
  BUYING_ROLES,
  ORG_LEVELS,
  POLITICAL_STATUSES,
  RELATIONSHIP_LEVELS,
  STANCES,
  freshness,
  type BuyingRole,
  type OrgLevel,
  type PoliticalStatus,
  type RelationshipLevel,
  type Stance,
} from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import type { ContactRow, PersonRow } from '../../../db/database';
import { InlineInput, InlineTextarea, SelectField } from '../../../ui/fields';
import { IconButton } from '../../../ui/Button';
import { numberParser, textParser } from '../../../lib/parsers';
import { useSettings } from '../../../stores/settings';
import type { MapActions } from '../hooks/useMapActions';
import { ContactLog } from './ContactLog';
import { FreshBadge } from './FreshBadge';

/** Edit one person in a side panel; every field saves as you go (and undoes). */
export function PersonPanel(props: {
  person: PersonRow;
  contacts: readonly ContactRow[];
  last: IsoDate | undefined;
  today: IsoDate;
  actions: MapActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { person: p, actions } = props;
  const thresholds = useSettings((s) => s.freshness);
  const save = (patch: Parameters<MapActions['updatePerson']>[1]) => actions.updatePerson(p.id, patch);
  const text = textParser({ max: 200 });
  const score = numberParser({ min: 1, max: 5, integer: true });
  return (
    <aside className="person-panel" aria-label={t('map.panel.label', { name: p.name || t('map.placeholderName') })}>
      <div className="person-panel__head">
        <h2 className="person-panel__title">{p.name || t('map.placeholderName')}</h2>
        <FreshBadge fresh={freshness(props.last, props.today, thresholds)} />
        <IconButton label={t('map.panel.close')} icon={<X size={16} />} onClick={props.onClose} />
      </div>
      <div className="person-panel__body">
        <InlineInput
          label={t('map.field.name')}
          saved={p.name}
          parse={p.placeholder ? text : textParser({ required: true, max: 200 })}
          onCommit={(name: string) => save({ name })}
          autoFocus
        />
        <label className="check-field">
          <input type="checkbox" checked={p.placeholder} onChange={(e) => save({ placeholder: e.target.checked })} />
          <span>
            {t('map.field.placeholder')}
            <span className="field__hint">{t('map.field.placeholderHint')}</span>
          </span>
        </label>
        <div className="form-grid form-grid--2">
          <InlineInput label={t('map.field.title')} saved={p.title} parse={text} onCommit={(title: string) => save({ title })} />
          <InlineInput
            label={t('map.field.department')}
            saved={p.department}
            parse={text}
            onCommit={(department: string) => save({ department })}
          />
          <SelectField<OrgLevel>
            label={t('map.field.orgLevel')}
            value={p.orgLevel}
            options={ORG_LEVELS.map((v) => ({ value: v, label: t(`map.level.${v}`) }))}
            onChange={(orgLevel) => save({ orgLevel })}
          />
          <SelectField<BuyingRole>
            label={t('map.field.buyingRole')}
            value={p.buyingRole}
            options={BUYING_ROLES.map((v) => ({ value: v, label: t(`map.role.${v}`) }))}
            onChange={(buyingRole) => save({ buyingRole })}
          />
          <SelectField<Stance>
            label={t('map.field.stance')}
            value={p.stance}
            options={STANCES.map((v) => ({ value: v, label: t(`map.stance.${v}`) }))}
            onChange={(stance) => save({ stance })}
          />
          <SelectField<PoliticalStatus>
            label={t('map.field.political')}
            value={p.political}
            options={POLITICAL_STATUSES.map((v) => ({ value: v, label: t(`map.political.${v}`) }))}
            onChange={(political) => save({ political })}
          />
          <InlineInput
            label={t('map.field.influence')}
            saved={String(p.influence)}
            parse={score}
            onCommit={(influence: number) => save({ influence })}
            inputMode="numeric"
            hint={t('map.field.scoreHint')}
          />
          <InlineInput
            label={t('map.field.interest')}
            saved={String(p.interest)}
            parse={score}
            onCommit={(interest: number) => save({ interest })}
            inputMode="numeric"
            hint={t('map.field.scoreHint')}
          />
          <InlineInput
            label={t('map.field.ourOwner')}
            saved={p.ourOwner}
            parse={text}
            onCommit={(ourOwner: string) => save({ ourOwner })}
          />
          <SelectField<RelationshipLevel>
            label={t('map.field.relationship')}
            value={p.relationshipLevel}
            options={RELATIONSHIP_LEVELS.map((v) => ({ value: v, label: t(`map.relationship.${v}`) }))}
            onChange={(relationshipLevel) => save({ relationshipLevel })}
          />
        </div>
        <InlineInput label={t('map.field.nextStep')} saved={p.nextStep} parse={text} onCommit={(nextStep: string) => save({ nextStep })} />
        <InlineTextarea
          label={t('map.field.notes')}
          saved={p.notes}
          onCommit={(notes) => save({ notes })}
          maxLength={5000}
          tooLong={t('validation.tooLong', { max: 5000 })}
          rows={3}
        />
        <ContactLog person={p} contacts={props.contacts} today={props.today} actions={actions} />
      </div>
    </aside>
  );
}
