import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from './AppEnvironment';
import { useAppStore } from './state/appStore';
import type { Role } from './state/sessionStore';

/** Shown instead of an area the session's roles do not open. Never shows the area's content. */
export function NeedsRole({ roles }: { roles: readonly Role[] }) {
  const { t, i18n } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const currentRoles = useAppStore(stores.session, (state) => state.currentRoles);
  const list = (names: readonly Role[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(
      names.map((role) => t(`roles.${role}`)),
    );
  return (
    <div className="needs-role" role="note">
      <p className="needs-role-title">{t('needsRole.title', { roles: list(roles) })}</p>
      <p>
        {currentRoles.length > 0
          ? t('needsRole.current', {
              roles: new Intl.ListFormat(i18n.language).format(
                currentRoles.map((role) => t(`roles.${role}`)),
              ),
            })
          : t('needsRole.none')}
      </p>
      <p>{t('needsRole.howToGet')}</p>
    </div>
  );
}
