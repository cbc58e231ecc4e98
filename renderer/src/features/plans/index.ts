export { PlansTab } from './components/PlansTab';
export { usePlans, plansQuery, type PlanTree } from './hooks/usePlans';
