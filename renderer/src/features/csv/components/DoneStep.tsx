import { useTranslation } from 'react-i18next';
import { CheckCircle2, Undo2 } from 'lucide-react';
import { runCommand } from '../../../stores/commands';
import { Button } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { formatNumber } from '../../../lib/format';
import { keysOf } from '../../../lib/keys';
import type { CsvImport } from '../hooks/useCsvImport';

/** Step 4: what was written, how to take it back, and where to go next. */
export function DoneStep({ imp }: { imp: CsvImport }) {
  const { t } = useTranslation();
  const f = imp.finished;
  if (!f) return null;
  const a = f.applied;
  return (
    <section className="card csv-card csv-done" aria-labelledby="csv-done-h">
      <h2 className="card__title" id="csv-done-h">
        <span className="csv-done__title">
          <CheckCircle2 size={18} aria-hidden className="text-success" /> {t('csv.done.title')}
        </span>
      </h2>
      <p role="status">
        {t('csv.done.summary', {
          accounts: formatNumber(a.accounts.created),
          updated: formatNumber(a.accounts.updated),
          people: formatNumber(a.people.created),
          peopleUpdated: formatNumber(a.people.updated),
          lines: formatNumber(a.lines.created),
        })}
      </p>
      <p className="muted">{t('csv.done.undoHint', { keys: keysOf('edit:undo') })}</p>
      <div className="dialog__actions csv-done__actions">
        <Button icon={<Undo2 size={15} aria-hidden />} onClick={() => void runCommand('edit:undo')}>
          {t('csv.done.undo')}
        </Button>
        <Button variant="ghost" onClick={imp.restart}>
          {t('csv.done.another')}
        </Button>
        <Link to={{ name: 'accounts' }} className="btn btn--primary btn--md">
          {t('csv.done.open')}
        </Link>
      </div>
    </section>
  );
}
