import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import { ChevronDown } from 'lucide-react';

/** A button that opens a short menu of commands (Radix: keyboard, focus and roles handled). */
export function MenuButton({
  label,
  icon,
  items,
}: {
  label: string;
  icon?: ReactNode;
  items: ReadonlyArray<{ readonly key: string; readonly label: string; readonly onSelect: () => void }>;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="btn btn--secondary btn--md">
          {icon}
          <span>{label}</span>
          <ChevronDown size={14} aria-hidden />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {items.map((item) => (
            <DropdownMenu.Item key={item.key} className="menu__item" onSelect={item.onSelect}>
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
