// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SamplePreview } from '../../../db/sample';
import { initI18n } from '../../../i18n';
import { LoadSampleDialog } from './LoadSampleDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const preview: SamplePreview = {
  accountNames: ['Nordhavn Shipping A/S (sample)'],
  itemTitles: [],
  retreatTitles: [],
  renamed: 1,
  writeProgram: false,
  writeSettings: true,
  capacityQuarters: [],
  programName: 'Customer Advisory Board',
  seatCap: 12,
  seatsFree: 2,
  memberStatuses: [],
  asCandidates: 3,
  yourAccounts: 4,
  sampleAccounts: 12,
  sampleMembers: 5,
};

let root: Root | null = null;
const render = (node: React.ReactNode) => {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
};
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name);

beforeAll(async () => {
  await initI18n();
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('the question before the sample goes in beside the user’s data', () => {
  it('says what is added and how each rule is kept, and is closed without a preview', () => {
    render(<LoadSampleDialog preview={null} onCancel={() => {}} onConfirm={() => {}} />);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    act(() => root!.render(<LoadSampleDialog preview={preview} onCancel={() => {}} onConfirm={() => {}} />));
    const dialog = document.querySelector('[role="alertdialog"]');
    expect(dialog?.querySelector('.dialog__title')?.textContent).toBe('Add the sample workspace beside your data?');
    expect(dialog?.querySelector('.dialog__desc')?.textContent).toContain('12 sample accounts');
    expect(dialog?.querySelector('.dialog__desc')?.textContent).toContain('your 4 accounts');
    expect([...(dialog?.querySelectorAll('.sample-confirm__list li') ?? [])].map((li) => li.textContent)).toEqual([
      '1 sample name is already in use here: it gets “(sample)” after it, so you can tell the two apart.',
      'Your club program (Customer Advisory Board, 12 seats) stays as it is.',
      'Only 2 of the 12 club seats are free: 3 sample members who would go over them join as candidates instead.',
      "The sample's roadmap settings are used, since you have not set any; capacity you set stays as it is.",
    ]);
    expect(dialog?.textContent).toContain('Undo takes all of it out again.');
  });

  it('Add calls only onConfirm; Cancel calls only onCancel', () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    render(<LoadSampleDialog preview={preview} onCancel={onCancel} onConfirm={onConfirm} />);
    act(() => button('Add sample workspace')!.click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    act(() => button('Cancel')!.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
