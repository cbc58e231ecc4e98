// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FormField } from './FormField';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
const render = (node: React.ReactNode) => {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
};
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('FormField', () => {
  it('with errorId, marks the field and points at the form’s one message instead of showing its own', () => {
    const host = render(
      <FormField id="amount" label="Amount" error="Not a number." errorId="row-err" className="inline-form__grow" hint="In EUR">
        {(p) => <input {...p} />}
      </FormField>,
    );
    const input = host.querySelector('input')!;
    expect(host.firstElementChild?.className).toBe('field field--invalid inline-form__grow');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('row-err');
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.textContent).not.toContain('Not a number.');
  });

  it('without an error shows the hint and marks nothing', () => {
    const host = render(
      <FormField id="amount" label="Amount" hint="In EUR">
        {(p) => <input {...p} />}
      </FormField>,
    );
    const input = host.querySelector('input')!;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(host.querySelector('.field__hint')?.textContent).toBe('In EUR');
    expect(host.querySelector('label')?.htmlFor).toBe('amount');
  });
});
