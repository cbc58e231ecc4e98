export { ClubPage } from './components/ClubPage';
export { OfferPage } from './components/OfferPage';
export { RetreatPage } from './components/RetreatPage';
export { AccountOffersTab } from './components/AccountOffersTab';
export { MemberBadge } from './components/MemberBadge';
export { useClubData, type ClubData } from './hooks/useClubData';
export { useMemberships } from './hooks/useMemberships';
export { recommendationText } from './offerText';
