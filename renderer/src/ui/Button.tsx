import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export const Button = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; icon?: ReactNode; size?: 'sm' | 'md' }
>(function Button({ variant = 'secondary', icon, size = 'md', className, children, type = 'button', ...rest }, ref) {
  return (
    <button ref={ref} type={type} className={`btn btn--${variant} btn--${size} ${className ?? ''}`} {...rest}>
      {icon}
      {children ? <span>{children}</span> : null}
    </button>
  );
});

/** An icon-only button: the label is its accessible name and its tooltip. */
export const IconButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { label: string; icon: ReactNode }>(
  function IconButton({ label, icon, className, type = 'button', ...rest }, ref) {
    return (
      <button ref={ref} type={type} className={`icon-btn ${className ?? ''}`} aria-label={label} title={label} {...rest}>
        {icon}
      </button>
    );
  },
);

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

export function EmptyState({
  title,
  body,
  action,
  icon,
  level = 2,
}: {
  title: string;
  body: string;
  action?: ReactNode;
  icon?: ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="empty">
      {icon ? <div className="empty__icon">{icon}</div> : null}
      <Heading className="empty__title">{title}</Heading>
      <p className="empty__body">{body}</p>
      {action ? <div className="empty__actions">{action}</div> : null}
    </div>
  );
}

/** The header cell over a table's row tools (move, edit, delete): named for screen readers only. */
export function ToolsHeader({ label }: { label: string }) {
  return (
    <th scope="col">
      <span className="sr-only">{label}</span>
    </th>
  );
}
