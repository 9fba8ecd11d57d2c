import type { ComponentType } from 'react';
import type { Role } from './state/sessionStore';

/** One work area of the desk: its place in the navigation, who may use it, what it shows. */
export interface AreaDefinition {
  id: string;
  /** i18n key (with namespace) of the navigation label and heading. */
  titleKey: string;
  /** Any one of these roles opens the area; others see "needs role …". Empty: everyone. */
  requiredRoles: readonly Role[];
  Component: ComponentType;
  /** Mount at start and keep mounted (e.g. the softphone must register before it is shown). */
  mountAtStart?: boolean;
}

export function defineArea(
  id: string,
  Component: ComponentType,
  options: { requiredRoles: readonly Role[]; mountAtStart?: boolean },
): AreaDefinition {
  return { id, titleKey: `app:areas.${id}`, Component, ...options };
}
