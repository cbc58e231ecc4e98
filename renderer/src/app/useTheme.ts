import { useEffect } from 'react';
import { getBridge } from '../platform';
import { useUi } from '../stores/ui';

/** Applies the chosen theme (or the system's) to <html data-theme> and to the native chrome. */
export function useTheme(): void {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && mq.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    void getBridge().setThemeSource(theme);
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [theme]);
}

export function toggleTheme(): void {
  const ui = useUi.getState();
  const dark = document.documentElement.dataset.theme === 'dark';
  ui.setTheme(dark ? 'light' : 'dark');
}
