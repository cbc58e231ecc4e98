// The settings screen, loaded when first shown (App.tsx). Nothing else imports this feature.
export { SettingsPage } from './components/SettingsPage';
