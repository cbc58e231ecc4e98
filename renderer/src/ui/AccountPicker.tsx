import { useMemo } from 'react';

export interface PickableAccount {
  readonly id: string;
  readonly name: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Choose an account: a native select (keyboard type-ahead, screen readers, any length) of the
 * accounts by name, with a first "choose" option. Pass the ids of `FormField`'s control props.
 */
export function AccountPicker({
  accounts,
  value,
  onChange,
  placeholder,
  exclude,
  id,
  disabled,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  'aria-label': ariaLabel,
}: {
  accounts: Iterable<PickableAccount>;
  value: string;
  onChange: (id: string) => void;
  placeholder: string;
  /** Accounts that cannot be chosen here (already a member, already attending). */
  exclude?: ReadonlySet<string>;
  id?: string;
  disabled?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const sorted = useMemo(
    () => [...accounts].filter((a) => !exclude?.has(a.id) || a.id === value).sort((a, b) => collator.compare(a.name, b.name)),
    [accounts, exclude, value],
  );
  return (
    <select
      id={id}
      className="input select"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={ariaInvalid}
      aria-describedby={ariaDescribedBy}
      aria-label={ariaLabel}
    >
      <option value="">{placeholder}</option>
      {sorted.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}
