import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairFor, type IntegrityFinding } from '@shared/domain/integrity';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { repairIntegrityIssue } from '../../../db/integrity';
import { Button } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { findingLink, findingReason, findingSentence, repairLabel } from '../integrityText';

/** One finding: what is wrong, why, and the one-click repair (or where to fix it by hand). */
export function IntegrityItem({ finding }: { finding: IntegrityFinding }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [busy, setBusy] = useState(false);
  const plan = repairFor(finding);
  const link = findingLink(finding);
  const repair = async () => {
    setBusy(true);
    try {
      await commit(() => repairIntegrityIssue(ws, finding), { undoToast: t('sync.integrity.repaired') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="integrity-item">
      <p className="integrity-item__what">{findingSentence(finding)}</p>
      <p className="integrity-item__why muted small">{findingReason(finding)}</p>
      <div className="integrity-item__actions">
        {plan.kind === 'auto' ? (
          <Button size="sm" variant="primary" disabled={busy} onClick={() => void repair()}>
            {repairLabel(plan)}
          </Button>
        ) : null}
        {link ? (
          <Link to={link.route} className={plan.kind === 'manual' ? 'btn btn--primary btn--sm' : 'integrity-item__open'}>
            {link.label}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
