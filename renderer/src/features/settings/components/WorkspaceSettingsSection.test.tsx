// @vitest-environment happy-dom
import { act } from 'react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ICP_WEIGHTS } from '@shared/domain/account';
import { createAccount, deleteAccount } from '../../../db/accounts';
import { readWorkspaceSettings } from '../../../db/portfolio';
import { updateRoadmapSettings } from '../../../db/roadmap';
import { freshWorkspaces } from '../../../db/testing';
import type { Workspace } from '../../../db/workspace';
import { initI18n } from '../../../i18n';
import { useUi } from '../../../stores/ui';
import { useUndo } from '../../../stores/undo';
import { undoRedo } from '../../edit';
import { WorkspaceSettingsSection } from './WorkspaceSettingsSection';
import { workspaceMounts } from '../../../db/mounting';
import { until } from '../../../lib/testing';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const freshWorkspace = freshWorkspaces();
const { mount } = workspaceMounts();

beforeAll(() => initI18n('en'));
beforeEach(() => {
  useUi.setState({ pendingWrites: 0, lastSavedAt: null, writeError: null, toasts: [] });
  useUndo.getState().clear();
});

function render(ws: Workspace): HTMLElement {
  return mount(ws, <WorkspaceSettingsSection />);
}

const labels = (host: HTMLElement) => [...host.querySelectorAll('label')].map((l) => l.textContent);
function field(host: HTMLElement, label: string): HTMLInputElement {
  const l = [...host.querySelectorAll('label')].find((x) => x.textContent === label);
  const input = l && host.querySelector<HTMLInputElement>(`[id="${l.htmlFor}"]`);
  if (!input) throw new Error(`no field ${label}`);
  return input;
}
/** Types a value as the user leaves it, then presses Enter (the field saves on Enter). */
function enter(input: HTMLInputElement, value: string): void {
  act(() => {
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

describe('the Workspace settings card', () => {
  it('asks for a rate for each currency of the live accounts, and a rate typed in is saved for the workspace', async () => {
    const ws = await freshWorkspace();
    await createAccount(ws, { name: 'Home', currency: 'EUR' });
    await createAccount(ws, { name: 'Uhren', currency: 'CHF' });
    await createAccount(ws, { name: 'Widgets', currency: 'USD' });
    const gone = await createAccount(ws, { name: 'Gone', currency: 'SEK' });
    await deleteAccount(ws, gone.account.id);
    const host = render(ws);
    await until(() => expect(labels(host)).toContain('1 CHF in EUR'));

    const section = host.querySelector('section#workspace-settings');
    expect(section?.querySelector('h2')?.textContent).toBe('Workspace');
    expect(labels(host).filter((l) => l?.startsWith('1 '))).toEqual(['1 CHF in EUR', '1 USD in EUR']);
    expect(host.querySelector('#workspace-rate-CHF input')).toBe(field(host, '1 CHF in EUR'));

    enter(field(host, '1 CHF in EUR'), '0.95');
    await until(async () => expect((await readWorkspaceSettings(ws.db)).rates).toEqual({ CHF: 950_000 }));
    await until(() => expect(field(host, '1 CHF in EUR').value).toBe('0.95'));
  });

  it('starts from the rates the roadmap settings held, and a new reporting currency relabels every rate', async () => {
    const ws = await freshWorkspace();
    await createAccount(ws, { name: 'Uhren', currency: 'CHF' });
    await createAccount(ws, { name: 'Widgets', currency: 'USD' });
    await updateRoadmapSettings(ws, { currency: 'EUR', rates: { CHF: 1_050_000 } });
    const host = render(ws);
    await until(() => expect(field(host, '1 CHF in EUR').value).toBe('1.05'));
    expect(field(host, '1 USD in EUR').value).toBe('');

    enter(field(host, 'Reporting currency'), 'usd');
    await until(async () => expect((await readWorkspaceSettings(ws.db)).currency).toBe('USD'));
    await until(() => expect(labels(host).filter((l) => l?.startsWith('1 '))).toEqual(['1 CHF in USD']));
  });

  it('edits one ICP weight at a time, refuses one above 10, warns when none is left, and undo brings it back', async () => {
    const ws = await freshWorkspace();
    const host = render(ws);
    await until(() => expect(field(host, 'Industry fit').value).toBe(String(DEFAULT_ICP_WEIGHTS.industryFit)));
    expect(host.textContent).toContain('Σ weight × rating ÷ Σ weight × 5');
    const warning = 'no account can be scored';
    expect(host.textContent).not.toContain(warning);

    enter(field(host, 'Company size'), '11');
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('Enter a number from 0 to 10.');
    enter(field(host, 'Company size'), '0');
    await until(async () => expect((await readWorkspaceSettings(ws.db)).icpWeights).toEqual({ ...DEFAULT_ICP_WEIGHTS, companySize: 0 }));

    // One weight after the other, as a user does: each field saves the whole set as the screen shows it.
    const rest = [
      ['Industry fit', 'industryFit'],
      ['Technical maturity', 'techMaturity'],
      ['Budget and authority', 'budgetAuthority'],
      ['Strategic use case', 'strategicUseCase'],
    ] as const;
    for (const [label, criterion] of rest) {
      expect(host.textContent).not.toContain(warning);
      enter(field(host, label), '0');
      await until(async () => expect((await readWorkspaceSettings(ws.db)).icpWeights[criterion]).toBe(0));
      await act(() => new Promise((r) => setTimeout(r, 30))); // the live query shows it before the next field is edited
    }
    await until(() => expect(host.textContent).toContain(warning));
    expect(Object.values((await readWorkspaceSettings(ws.db)).icpWeights)).toEqual([0, 0, 0, 0, 0]);

    await act(() => undoRedo(ws, 'undo'));
    await until(() => expect(host.textContent).not.toContain(warning));
    expect((await readWorkspaceSettings(ws.db)).icpWeights.strategicUseCase).toBe(DEFAULT_ICP_WEIGHTS.strategicUseCase);
  });
});
