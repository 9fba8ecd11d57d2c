/**
 * Who is working at this desk. Roles will come from the portal login; until then the session
 * starts with the agent role only, and role-gated areas say which role they need.
 */
import { createAppStore, type AppStore } from './appStore';

export const ROLES = ['agent', 'supervisor', 'shiftLead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionState {
  currentRoles: readonly Role[];
  setRoles(roles: readonly Role[]): void;
}

export type SessionStore = AppStore<SessionState>;

export function createSessionStore(initialRoles: readonly Role[] = ['agent']): SessionStore {
  return createAppStore<SessionState>((set) => ({
    currentRoles: initialRoles,
    setRoles: (roles) => set({ currentRoles: [...roles] }),
  }));
}

/** True when no role is required or the session holds at least one of them. */
export function hasAnyRole(current: readonly Role[], required: readonly Role[]): boolean {
  return required.length === 0 || required.some((role) => current.includes(role));
}
