import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Printer } from 'lucide-react';
import type { PrintDoc } from '../stores/route';
import { Button } from '../ui/Button';
import { MemoReport } from './docs/MemoReport';
import { OfferReport } from './docs/OfferReport';
import { PlanReport } from './docs/PlanReport';
import { PortfolioReport } from './docs/PortfolioReport';
import { QuoteReport } from './docs/QuoteReport';
import { RetreatReport } from './docs/RetreatReport';
import './report.css';

/**
 * A printable document on its own (no sidebar, no top bar). On screen it shows the pages
 * with a toolbar; printed, only the pages. The PDF is made from exactly this view.
 */
/**
 * Every printable document by kind. A new document is a kind in PRINT_DOCS (shared/bridge.ts), a
 * component here, and a Print button that calls printDocument(kind, id, name).
 */
const DOCUMENTS: Readonly<Record<PrintDoc, (props: { id: string }) => React.ReactNode>> = {
  plan: ({ id }) => <PlanReport planId={id} />,
  quote: QuoteReport,
  offer: OfferReport,
  retreat: RetreatReport,
  portfolio: PortfolioReport,
  memo: MemoReport,
};

/** Back to where the document was opened; a tab opened just for it closes (or shows the app when it cannot). */
function goBack(): void {
  if (history.length > 1) {
    history.back();
    return;
  }
  window.close();
  location.hash = '#/accounts';
}

export function ReportPage({ doc, id }: { doc: PrintDoc; id: string }) {
  const { t } = useTranslation();
  const Doc = DOCUMENTS[doc];
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('is-report');
    return () => html.classList.remove('is-report');
  }, []);
  return (
    <div className="report-shell">
      <div className="report-toolbar" role="toolbar" aria-label={t('report.toolbar')}>
        <Button variant="ghost" icon={<ArrowLeft size={15} aria-hidden />} onClick={goBack}>
          {t('report.back')}
        </Button>
        <span className="report-toolbar__hint muted small">{t('report.hint')}</span>
        <Button variant="primary" icon={<Printer size={15} aria-hidden />} onClick={() => window.print()}>
          {t('report.print')}
        </Button>
      </div>
      <main className="report-main">
        <Doc id={id} />
      </main>
    </div>
  );
}
