// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountPicker } from './AccountPicker';
import { FormField } from './FormField';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const accounts = new Map(
  [
    { id: 'a10', name: 'Acme 10' },
    { id: 'a2', name: 'acme 2' },
    { id: 'b', name: 'Bolt' },
    { id: 'z', name: 'Zenith' },
  ].map((a) => [a.id, a]),
);

let root: Root | null = null;
const render = (node: React.ReactNode) => {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
};
const options = (host: HTMLElement) => [...host.querySelectorAll('option')].map((o) => o.textContent);
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('AccountPicker', () => {
  it('lists accounts by name (numbers in order, case ignored) after the "choose" option, read afresh from a map', () => {
    const host = render(<AccountPicker accounts={accounts} value="" onChange={() => {}} placeholder="Choose…" />);
    expect(options(host)).toEqual(['Choose…', 'acme 2', 'Acme 10', 'Bolt', 'Zenith']);
    act(() => root!.render(<AccountPicker accounts={accounts} value="b" onChange={() => {}} placeholder="Choose…" />));
    expect(options(host)).toHaveLength(5);
  });

  it('puts the `first` accounts before the others, notes some, leaves out excluded ones unless chosen', () => {
    const host = render(
      <AccountPicker
        accounts={[...accounts.values()]}
        value="a2"
        onChange={() => {}}
        first={new Set(['z', 'b'])}
        exclude={new Set(['a2', 'a10'])}
        note={(a) => (a.id === 'z' ? 'not on the roster' : null)}
      />,
    );
    expect(options(host)).toEqual(['Bolt', 'Zenith (not on the roster)', 'acme 2']);
  });

  it('takes the control props of a FormField and other select attributes', () => {
    const ref = { current: null as HTMLSelectElement | null };
    const onChange = vi.fn();
    const host = render(
      <FormField id="pick" label="Account" error="Choose an account first.">
        {(p) => (
          <AccountPicker {...p} ref={ref} accounts={accounts} value="" onChange={onChange} placeholder="Choose…" aria-keyshortcuts="C" />
        )}
      </FormField>,
    );
    const select = host.querySelector('select')!;
    expect(ref.current).toBe(select);
    expect(select.id).toBe('pick');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(select.getAttribute('aria-describedby')).toBe('pick-err');
    expect(select.getAttribute('aria-keyshortcuts')).toBe('C');
    expect(host.querySelector('#pick-err')?.textContent).toBe('Choose an account first.');
    act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith('b');
  });
});
