// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { ConfirmDialog, Dialog } from './Dialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

describe('Dialog', () => {
  it('with onSubmit, the body and the actions are one form the caller validates', () => {
    const onSubmit = vi.fn((e: React.FormEvent) => e.preventDefault());
    render(
      <Dialog
        open
        onOpenChange={() => {}}
        title="New retreat"
        description="A title and dates."
        onSubmit={onSubmit}
        actions={<button type="submit">Create</button>}
      >
        <input aria-label="Title" />
      </Dialog>,
    );
    const form = document.querySelector<HTMLFormElement>('[role="dialog"] form');
    expect(form?.className).toBe('dialog__form');
    expect(form?.noValidate).toBe(true);
    expect(form?.querySelector('input')).not.toBeNull();
    expect(form?.querySelector('.dialog__actions button')?.textContent).toBe('Create');
    act(() => button('Create')!.click());
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('ConfirmDialog', () => {
  const dialog = (onConfirm: () => void, onCancel: () => void) => (
    <ConfirmDialog
      open
      title="Restore the backup?"
      body="It replaces what is here."
      confirmLabel="Replace"
      tone="danger"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );

  it('confirming calls onConfirm only (no cancel), and stays open until the caller closes it', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(dialog(onConfirm, onCancel));
    act(() => button('Replace')!.click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
  });

  it('Cancel calls onCancel', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(dialog(onConfirm, onCancel));
    act(() => button('Cancel')!.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
