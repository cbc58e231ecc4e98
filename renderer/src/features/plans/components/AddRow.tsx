import { useState } from 'react';
import { Plus } from 'lucide-react';

/** A one-line "add" input: type, Enter adds and keeps focus for the next one. */
export function AddRow({ label, placeholder, onAdd }: { label: string; placeholder: string; onAdd: (title: string) => Promise<unknown> }) {
  const [value, setValue] = useState('');
  const submit = async () => {
    const v = value.trim();
    if (!v) return;
    setValue('');
    await onAdd(v);
  };
  return (
    <form
      className="add-row"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Plus size={14} aria-hidden className="add-row__icon" />
      <input
        className="input add-row__input"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
      />
      {value.trim() ? (
        <button type="submit" className="btn btn--secondary btn--sm">
          {label}
        </button>
      ) : null}
    </form>
  );
}
