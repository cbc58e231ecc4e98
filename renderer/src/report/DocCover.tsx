import { useEffect, type ReactNode } from 'react';

/** The head of every printed document: what it is, whose it is, and its key facts. */
export function DocCover({
  eyebrow,
  title,
  subtitle,
  facts,
}: {
  eyebrow: string;
  title: string;
  subtitle?: string;
  facts: ReadonlyArray<readonly [string, ReactNode]>;
}) {
  return (
    <section className="report-cover">
      <p className="report-eyebrow">{eyebrow}</p>
      <h1 className="report-title">{title}</h1>
      {subtitle ? <p className="report-subtitle">{subtitle}</p> : null}
      <dl className="report-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="report-facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The window title while the document shows (the PDF's title too); the app's title comes back after. */
export function useDocTitle(title: string | null): void {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
