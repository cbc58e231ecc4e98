import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import {
  Building2,
  CalendarRange,
  FileUp,
  Keyboard,
  Milestone,
  Moon,
  Plus,
  Receipt,
  Redo2,
  RefreshCw,
  Search,
  Settings,
  Sparkles,
  Undo2,
  Users,
  List,
  User,
  PieChart,
  Scale,
} from 'lucide-react';
import { commandDef, type COMMANDS } from '@shared/commands';
import { EMPTY_FILTER, filterAccounts, sortAccounts } from '@shared/domain/accountList';
import { useAccountList, useLoadSample } from '../../accounts';
import { usePeopleIndex } from '../../map';
import { useRoadmapData } from '../../roadmap';
import { useMemoList } from '../../memos';
import { useRoute } from '../../../stores/route';
import { useUi } from '../../../stores/ui';
import { formatMoney } from '../../../lib/format';
import { keysOf } from '../../../lib/keys';
import { runCommand, useCommand, useCommands } from '../../../stores/commands';

const MAX_RESULTS = 30;

/** The palette's icon for each command it lists (the compiler asks for one when a command is added). */
const ICONS: Record<Extract<(typeof COMMANDS)[number], { readonly palette: true }>['id'], ReactNode> = {
  'account:new': <Plus size={15} />,
  'edit:undo': <Undo2 size={15} />,
  'edit:redo': <Redo2 size={15} />,
  'app:find': <Search size={15} />,
  'view:toggleTheme': <Moon size={15} />,
  'help:shortcuts': <Keyboard size={15} />,
  'go:accounts': <List size={15} />,
  'go:roadmap': <Milestone size={15} />,
  'go:timeline': <CalendarRange size={15} />,
  'go:quotes': <Receipt size={15} />,
  'go:club': <Users size={15} />,
  'go:portfolio': <PieChart size={15} />,
  'go:memos': <Scale size={15} />,
  'go:sync': <RefreshCw size={15} />,
  'go:settings': <Settings size={15} />,
  'sample:load': <Sparkles size={15} />,
  'csv:import': <FileUp size={15} />,
};
const PALETTE_IDS = Object.keys(ICONS) as (keyof typeof ICONS)[];

/**
 * What the open palette searches and lists. Mounted only while the palette is open: its queries
 * over every account, person, roadmap item and memo (100,000 people in a large workspace) are not
 * kept live behind every screen, re-read at every edit.
 */
function PaletteBody(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const accounts = useAccountList();
  const people = usePeopleIndex();
  const roadmap = useRoadmapData();
  const memos = useMemoList();
  const handled = useCommands((st) => st.handlers);
  const [query, setQuery] = useState('');
  // Not deferred: cmdk highlights the first item of the list it sees, so results must match the query at once.
  const q = query;

  // Filtering 10,000 accounts in memory is fast; rendering them all is not — show the best few.
  const matches = useMemo(() => {
    if (!accounts) return [];
    const found = q.trim() ? filterAccounts(accounts, { ...EMPTY_FILTER, text: q }) : accounts;
    return sortAccounts(found, 'updatedMs', 'desc').slice(0, MAX_RESULTS);
  }, [accounts, q]);

  const personMatches = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!people || words.length === 0) return [];
    const names = new Map((accounts ?? []).map((a) => [a.id, a.name]));
    return people
      .filter((p) => names.has(p.accountId) && words.every((w) => p.haystack.includes(w)))
      .slice(0, MAX_RESULTS)
      .map((p) => ({ ...p, account: names.get(p.accountId) ?? '' }));
  }, [people, accounts, q]);

  const itemMatches = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!roadmap || words.length === 0) return [];
    return roadmap.items.filter((i) => words.every((w) => `${i.title} ${i.theme}`.toLowerCase().includes(w))).slice(0, MAX_RESULTS);
  }, [roadmap, q]);

  // A memo is found by what it is called and by the either/or it asks.
  const memoMatches = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!memos || words.length === 0) return [];
    return memos.filter((m) => words.every((w) => `${m.title} ${m.question}`.toLowerCase().includes(w))).slice(0, MAX_RESULTS);
  }, [memos, q]);

  const run = (fn: () => void) => {
    props.onClose();
    fn();
  };

  // Every palette command a screen handles now, in the record's order, with its keys from the same record.
  const commands = PALETTE_IDS.filter((id) => handled.has(id)).map((id) => ({
    id,
    label: t(commandDef(id).labelKey),
    icon: ICONS[id],
    keys: keysOf(id),
    fn: () => void runCommand(id),
  }));

  return (
    <Command label={t('palette.placeholder')} shouldFilter={false} loop>
      <Command.Input className="palette__input" value={query} onValueChange={setQuery} placeholder={t('palette.placeholder')} />
      <Command.List className="palette__list">
        <Command.Empty className="palette__empty">{t('palette.empty')}</Command.Empty>
        {matches.length > 0 ? (
          <Command.Group heading={t('palette.accounts')}>
            {matches.map((a) => (
              <Command.Item
                key={a.id}
                value={`account-${a.id}`}
                className="palette__item"
                onSelect={() => run(() => navigate({ name: 'account', id: a.id, tab: 'overview' }))}
              >
                <Building2 size={15} aria-hidden />
                <span className="palette__label">{a.name}</span>
                <span className="palette__meta">
                  {[a.industry, formatMoney(a.arr, a.currency, { compact: true })].filter(Boolean).join(' · ')}
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {personMatches.length > 0 ? (
          <Command.Group heading={t('palette.people')}>
            {personMatches.map((p) => (
              <Command.Item
                key={p.id}
                value={`person-${p.id}`}
                className="palette__item"
                onSelect={() =>
                  run(() => {
                    useUi.getState().requestPersonFocus(p.id);
                    navigate({ name: 'account', id: p.accountId, tab: 'map' });
                  })
                }
              >
                <User size={15} aria-hidden />
                <span className="palette__label">{p.name}</span>
                <span className="palette__meta">{[p.title, p.account].filter(Boolean).join(' · ')}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {itemMatches.length > 0 ? (
          <Command.Group heading={t('palette.roadmapItems')}>
            {itemMatches.map((i) => (
              <Command.Item
                key={i.id}
                value={`item-${i.id}`}
                className="palette__item"
                onSelect={() => run(() => navigate({ name: 'item', id: i.id }))}
              >
                <Milestone size={15} aria-hidden />
                <span className="palette__label">{i.title}</span>
                <span className="palette__meta">{[i.theme, i.plannedQuarter].filter(Boolean).join(' · ')}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {memoMatches.length > 0 ? (
          <Command.Group heading={t('palette.memos')}>
            {memoMatches.map((m) => (
              <Command.Item
                key={m.id}
                value={`memo-${m.id}`}
                className="palette__item"
                onSelect={() => run(() => navigate({ name: 'memo', id: m.id }))}
              >
                <Scale size={15} aria-hidden />
                <span className="palette__label">{m.title}</span>
                <span className="palette__meta">{t(`memo.status.${m.status}`)}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        <Command.Group heading={t('palette.commands')}>
          {commands
            .filter((c) => c.label.toLowerCase().includes(q.trim().toLowerCase()))
            .map((c) => (
              <Command.Item key={c.id} value={`cmd-${c.id}`} className="palette__item" onSelect={() => run(c.fn)}>
                <span aria-hidden>{c.icon}</span>
                <span className="palette__label">{c.label}</span>
                {c.keys ? <kbd className="kbd">{c.keys}</kbd> : null}
              </Command.Item>
            ))}
        </Command.Group>
      </Command.List>
    </Command>
  );
}

/** Ctrl/Cmd+K: jump to any account, person, item or memo, or run any command, by keyboard. */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useUi((s) => s.paletteOpen);
  const setOpen = useUi((s) => s.setPaletteOpen);
  const sample = useLoadSample();
  useCommand('sample:load', () => void sample.request());
  return (
    <>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="overlay" />
          <Dialog.Content className="palette" aria-describedby={undefined}>
            <Dialog.Title className="sr-only">{t('palette.title')}</Dialog.Title>
            <PaletteBody onClose={() => setOpen(false)} />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {sample.dialog}
    </>
  );
}
