import { useTranslation } from 'react-i18next';
import { ArrowLeftRight, Building2, ChevronsLeft, ChevronsRight, Gem, Milestone, PieChart, Scale, Settings } from 'lucide-react';
import { NO_PORTFOLIO_FILTER } from '@shared/domain/portfolio';
import { useConflictCount } from '../features/sync';
import { routeHash, useRoute, type Route } from '../stores/route';
import { useUi } from '../stores/ui';
import { Logo } from '../ui/Logo';

interface NavItem {
  readonly key: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  readonly route: Route;
  readonly active: (r: Route) => boolean;
  /** A count shown beside the label (conflicts waiting for review). */
  readonly count?: number;
}

/** Left navigation: only what exists. Collapsible to icons. */
export function Sidebar() {
  const { t } = useTranslation();
  const { route, navigate } = useRoute();
  const collapsed = useUi((s) => s.sidebarCollapsed);
  const toggle = useUi((s) => s.toggleSidebar);
  const main: NavItem[] = [
    {
      key: 'accounts',
      label: t('nav.accounts'),
      icon: <Building2 size={16} aria-hidden />,
      route: { name: 'accounts' },
      active: (r) => r.name === 'accounts' || r.name === 'account',
    },
    {
      key: 'roadmap',
      label: t('nav.roadmap'),
      icon: <Milestone size={16} aria-hidden />,
      route: { name: 'roadmap', view: 'items' },
      active: (r) => r.name === 'roadmap' || r.name === 'item' || r.name === 'quote' || r.name === 'compare',
    },
    {
      key: 'club',
      label: t('nav.club'),
      icon: <Gem size={16} aria-hidden />,
      route: { name: 'club', view: 'roster' },
      active: (r) => r.name === 'club' || r.name === 'offer' || r.name === 'retreat',
    },
    {
      key: 'portfolio',
      label: t('nav.portfolio'),
      icon: <PieChart size={16} aria-hidden />,
      route: { name: 'portfolio', view: 'whale', filter: NO_PORTFOLIO_FILTER },
      active: (r) => r.name === 'portfolio',
    },
    {
      key: 'memos',
      label: t('nav.memos'),
      icon: <Scale size={16} aria-hidden />,
      route: { name: 'memos' },
      active: (r) => r.name === 'memos' || r.name === 'memo',
    },
  ];
  const conflicts = useConflictCount();
  const bottom: NavItem[] = [
    {
      key: 'sync',
      label: t('nav.sync'),
      icon: <ArrowLeftRight size={16} aria-hidden />,
      route: { name: 'sync' },
      active: (r) => r.name === 'sync',
      count: conflicts,
    },
    {
      key: 'settings',
      label: t('nav.settings'),
      icon: <Settings size={16} aria-hidden />,
      route: { name: 'settings' },
      active: (r) => r.name === 'settings',
    },
  ];
  const link = (item: NavItem) => (
    <li key={item.key}>
      <a
        href={routeHash(item.route)}
        className={`nav__item ${item.active(route) ? 'nav__item--active' : ''}`}
        aria-current={item.active(route) ? 'page' : undefined}
        title={collapsed ? item.label : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(item.route);
        }}
      >
        {item.icon}
        <span className="nav__label">{item.label}</span>
        {item.count ? (
          <span className="nav__count" aria-label={t('nav.conflictCount', { count: item.count })}>
            {item.count}
          </span>
        ) : null}
      </a>
    </li>
  );
  return (
    <nav className={`sidebar ${collapsed ? 'sidebar--collapsed' : ''}`} aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <Logo />
        <span className="sidebar__name">Waypoint</span>
      </div>
      <ul className="nav">{main.map(link)}</ul>
      <ul className="nav nav--bottom">
        {bottom.map(link)}
        <li>
          <button
            type="button"
            className="nav__item nav__collapse"
            onClick={toggle}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!collapsed}
          >
            {collapsed ? <ChevronsRight size={16} aria-hidden /> : <ChevronsLeft size={16} aria-hidden />}
            <span className="nav__label">{t('nav.collapse')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
