import { useMemo, type Ref, type SelectHTMLAttributes } from 'react';

export interface PickableAccount {
  readonly id: string;
  readonly name: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Choose an account: a native select (keyboard type-ahead, screen readers, any length) of the
 * accounts by name, with a first "choose" option. Pass the ids of `FormField`'s control props;
 * other select attributes (a ref, `aria-keyshortcuts`) go to the select.
 */
export function AccountPicker({
  accounts,
  value,
  onChange,
  placeholder,
  exclude,
  first,
  note,
  className,
  ...rest
}: {
  /** A list or a map by id (read afresh each time: never a one-use iterator). */
  accounts: readonly PickableAccount[] | ReadonlyMap<string, PickableAccount>;
  value: string;
  onChange: (id: string) => void;
  /** The first, empty option ("Choose an account…"); without it an account is always chosen. */
  placeholder?: string;
  /** Accounts that cannot be chosen here (already a member, already attending). */
  exclude?: ReadonlySet<string>;
  /** Accounts listed before the others, each group by name (attending the retreat, on the roster). */
  first?: ReadonlySet<string>;
  /** A word after an account's name, in brackets ("not on the roster"). */
  note?: (account: PickableAccount) => string | null;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children' | 'multiple'> & {
    ref?: Ref<HTMLSelectElement>;
  }) {
  const sorted = useMemo(
    () =>
      [...accounts.values()]
        .filter((a) => !exclude?.has(a.id) || a.id === value)
        .sort((a, b) => Number(first?.has(b.id) ?? false) - Number(first?.has(a.id) ?? false) || collator.compare(a.name, b.name)),
    [accounts, exclude, first, value],
  );
  return (
    <select {...rest} className={`input select ${className ?? ''}`.trim()} value={value} onChange={(e) => onChange(e.target.value)}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {sorted.map((a) => {
        const extra = note?.(a);
        return (
          <option key={a.id} value={a.id}>
            {extra ? `${a.name} (${extra})` : a.name}
          </option>
        );
      })}
    </select>
  );
}
