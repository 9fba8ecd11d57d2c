import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from './AppEnvironment';
import type { AreaDefinition } from './areaDefinition';
import { NeedsRole } from './NeedsRole';
import { useAppStore } from './state/appStore';
import { hasAnyRole } from './state/sessionStore';

/**
 * One area: mounted on first visit (or at start) and then kept, hidden while another area is
 * shown, so a call or a half-filled form survives switching. Hidden areas leave the tab order.
 */
export function AreaView({ area }: { area: AreaDefinition }) {
  const { t } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const active = useAppStore(stores.navigation, (state) => state.activeArea === area.id);
  const mounted = useAppStore(stores.navigation, (state) => state.mountedAreas.includes(area.id));
  const focusRequest = useAppStore(stores.navigation, (state) => state.focusRequest);
  const allowed = useAppStore(stores.session, (state) =>
    hasAnyRole(state.currentRoles, area.requiredRoles),
  );
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (active && focusRequest > 0) heading.current?.focus();
  }, [active, focusRequest]);

  if (!mounted) return null;
  const Component = area.Component;
  return (
    <section
      id={`area-${area.id}`}
      className="area"
      data-area={area.id}
      hidden={!active}
      aria-labelledby={`area-${area.id}-title`}
    >
      <h1 id={`area-${area.id}-title`} className="area-title" tabIndex={-1} ref={heading}>
        {t(area.titleKey)}
      </h1>
      {allowed ? <Component /> : <NeedsRole roles={area.requiredRoles} />}
    </section>
  );
}
