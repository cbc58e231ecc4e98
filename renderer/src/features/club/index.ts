// Screens are in pages.ts (loaded when first shown).
export { AccountOffersTab } from './components/AccountOffersTab';
export { MemberBadge } from './components/MemberBadge';
export { useClubData, type ClubData } from './hooks/useClubData';
export { useMemberships } from './hooks/useMemberships';
export { recommendationText } from './offerText';
