import { useAccount } from '../hooks/useAccount';

export function AccountCrumb({ id }: { id: string }) {
  const account = useAccount(id);
  return <span aria-current="page">{account?.name ?? '…'}</span>;
}
