export { AccountsPage } from './components/AccountsPage';
export { AccountPage } from './components/AccountPage';
export { NewAccountDialog } from './components/NewAccountDialog';
export { AccountCrumb } from './components/AccountCrumb';
export { useAccountList } from './hooks/useAccounts';
export { useLoadSample } from './hooks/useLoadSample';
export { warmAccountPage } from './warm';
