/**
 * Demo clients for the lab, tests and the demo portal: a law firm and a medical practice (both
 * bound by professional secrecy) and a plumbing business. Everything here is fictional; the
 * numbers come from the ranges the Bundesnetzagentur reserves for film and TV.
 */
import type { ClientProfile } from '../domain/clientProfile';
import { DEMO_LAW_FIRM } from './demoLawFirm';
import { DEMO_MEDICAL_PRACTICE } from './demoMedicalPractice';
import { DEMO_PLUMBING_BUSINESS } from './demoPlumbingBusiness';

export { DEMO_LAW_FIRM, DEMO_MEDICAL_PRACTICE, DEMO_PLUMBING_BUSINESS };

/** The three demo clients, in a stable order. */
export const DEMO_CLIENTS: ClientProfile[] = [
  DEMO_LAW_FIRM,
  DEMO_MEDICAL_PRACTICE,
  DEMO_PLUMBING_BUSINESS,
];
