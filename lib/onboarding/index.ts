import 'server-only';
export { businessSignUpSchema, type BusinessSignUpInput } from './schemas';
export { signUpWithDefaults, SAMPLES_FOR } from './sign-up';
export { firstDayChecklist, dismissChecklist, removeSamples, type FirstDayChecklist, type ChecklistItem, type ChecklistStep } from './checklist';
