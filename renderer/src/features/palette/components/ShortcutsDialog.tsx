import { useTranslation } from 'react-i18next';
import { COMMANDS, type CommandGroup } from '@shared/commands';
import { useUi } from '../../../stores/ui';
import { useCommands } from '../../../stores/commands';
import { allKeysOf, keysOf } from '../../../lib/keys';
import { Dialog } from '../../../ui/Dialog';
import { Kbd } from '../../../ui/Button';

const GROUPS: readonly CommandGroup[] = ['create', 'edit', 'view', 'go', 'page', 'help'];

/** "?" or Help → Keyboard Shortcuts: every command that has keys, from the one command record. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  const handled = useCommands((s) => s.handlers);
  const withKeys = COMMANDS.filter((c) => 'shortcuts' in c);
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t('shortcuts.title')} description={t('shortcuts.description')} size="lg" closeButton>
      <div className="shortcuts">
        {GROUPS.map((group) => {
          const list = withKeys.filter((c) => c.group === group);
          if (list.length === 0) return null;
          return (
            <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`} className="shortcuts__heading">
                {t(`shortcuts.group.${group}`)}
              </h3>
              <dl className="shortcuts__list">
                {list.map((c) => (
                  <div key={c.id} className={`shortcuts__row ${handled.has(c.id) ? '' : 'shortcuts__row--elsewhere'}`}>
                    <dt>
                      {t(c.labelKey)}
                      {handled.has(c.id) ? null : <span className="sr-only"> ({t('shortcuts.elsewhere')})</span>}
                    </dt>
                    <dd>
                      {allKeysOf(c.id).map((k) => (
                        <Kbd key={k}>{k}</Kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
      <p className="muted small">{t('shortcuts.paletteHint', { keys: keysOf('app:commandPalette') })}</p>
    </Dialog>
  );
}
