// The club's screens, loaded when first shown (App.tsx).
export { ClubPage } from './components/ClubPage';
export { OfferPage } from './components/OfferPage';
export { RetreatPage } from './components/RetreatPage';
