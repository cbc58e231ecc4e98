import { useEffect } from 'react';
import { useWorkspace } from '../../../db/context';
import { backupIfDue } from '../../../db/sync/backups';
import { getBridge } from '../../../platform';
import { runFolderSync } from '../runFolderSync';
import { syncContextOf } from './useSyncContext';

const START_DELAY_MS = 1500;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Background duties: the daily backup (checked at start and every hour), a folder
 * sync shortly after start, and the folder sync on quit.
 */
export function useSyncAgent(): void {
  const ws = useWorkspace();
  useEffect(() => {
    let stopped = false;
    const daily = async () => {
      if (stopped) return;
      try {
        await backupIfDue(await syncContextOf(ws));
      } catch (err) {
        console.warn('Waypoint could not make the daily backup', err);
      }
    };
    // After the first screen has painted: a backup of a big workspace takes a moment.
    const start = setTimeout(() => {
      void daily().then(() => (stopped ? null : runFolderSync(ws)));
    }, START_DELAY_MS);
    const hourly = setInterval(() => void daily(), HOUR_MS);
    const offQuit = getBridge().onQuitRequested(async () => {
      await runFolderSync(ws);
    });
    return () => {
      stopped = true;
      clearTimeout(start);
      clearInterval(hourly);
      offQuit();
    };
  }, [ws]);
}
