import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { routeHash, useRoute, type Route } from '../stores/route';

/**
 * An in-app link: its href is the route's hash (so it can be opened, copied and read by a
 * screen reader as a link), and a plain click navigates without a reload.
 */
export function Link({
  to,
  children,
  onClick,
  ...rest
}: { to: Route; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <a
      href={routeHash(to)}
      {...rest}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
