import { useTranslation } from 'react-i18next';
import type { Route } from '../../../stores/route';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { Link } from '../../../ui/Link';

/** Roadmap / item / quote, each a link back up except the current page. */
export function RoadmapCrumb({ route }: { route: Extract<Route, { name: 'item' | 'quote' | 'compare' }> }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const quote = route.name === 'quote' ? data?.quotes.find((q) => q.id === route.id) : undefined;
  const itemId =
    route.name === 'item' ? route.id : route.name === 'quote' ? quote?.itemId : data?.quotes.find((q) => q.id === route.ids[0])?.itemId;
  const item = data?.items.find((i) => i.id === itemId);
  const sep = (
    <span className="breadcrumb__sep" aria-hidden>
      /
    </span>
  );
  return (
    <>
      <Link to={{ name: 'roadmap', view: 'items' }}>{t('nav.roadmap')}</Link>
      {sep}
      {route.name === 'item' ? (
        <span aria-current="page">{item?.title ?? '…'}</span>
      ) : item ? (
        <Link to={{ name: 'item', id: item.id }}>{item.title}</Link>
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
