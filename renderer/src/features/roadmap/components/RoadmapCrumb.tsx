import { useTranslation } from 'react-i18next';
import { useRoute, type Route } from '../../../stores/route';
import { useRoadmapData } from '../hooks/useRoadmapData';

/** Roadmap / item / quote, each a link back up except the current page. */
export function RoadmapCrumb({ route }: { route: Extract<Route, { name: 'item' | 'quote' | 'compare' }> }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const navigate = useRoute((s) => s.navigate);
  const quote = route.name === 'quote' ? data?.quotes.find((q) => q.id === route.id) : undefined;
  const itemId =
    route.name === 'item' ? route.id : route.name === 'quote' ? quote?.itemId : data?.quotes.find((q) => q.id === route.ids[0])?.itemId;
  const item = data?.items.find((i) => i.id === itemId);
  const sep = (
    <span className="breadcrumb__sep" aria-hidden>
      /
    </span>
  );
  const link = (label: string, to: Route, href: string) => (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      {link(t('nav.roadmap'), { name: 'roadmap', view: 'items' }, '#/roadmap/items')}
      {sep}
      {route.name === 'item' ? (
        <span aria-current="page">{item?.title ?? '…'}</span>
      ) : item ? (
        link(item.title, { name: 'item', id: item.id }, `#/roadmap/item/${item.id}`)
      ) : (
        <span>…</span>
      )}
      {route.name !== 'item' ? (
        <>
          {sep}
          <span aria-current="page">{route.name === 'quote' ? (quote?.name ?? '…') : t('quote.compareTitle')}</span>
        </>
      ) : null}
    </>
  );
}
