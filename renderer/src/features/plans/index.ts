export { PlansTab } from './components/PlansTab';
export { usePlans, type PlanTree } from './hooks/usePlans';
