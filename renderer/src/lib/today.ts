import { useEffect, useState } from 'react';
import { toIsoDate, type IsoDate } from '@shared/domain/dates';

/** Today's local date; re-renders after midnight so "overdue" stays true. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => toIsoDate(new Date()));
  useEffect(() => {
    const id = setInterval(() => {
      const now = toIsoDate(new Date());
      setToday((prev) => (prev === now ? prev : now));
    }, 60_000);
    return () => clearInterval(id);
  }, []);
  return today;
}
