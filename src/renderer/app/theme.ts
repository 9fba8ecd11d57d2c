/**
 * Light and dark theme: `data-theme` on <html> selects the CSS variables in app.css.
 * "system" follows the operating system and changes with it.
 */
import { useEffect } from 'react';
import { THEMES } from '../../shared/contract/services/settingsService';

export type ThemeSetting = (typeof THEMES)[number];
export type ResolvedTheme = 'light' | 'dark';

const THEME_STORAGE_KEY = 'empfang.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: ThemeSetting, systemPrefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function setDocumentTheme(theme: ThemeSetting): void {
  document.documentElement.dataset.theme = resolveTheme(theme, systemPrefersDark());
}

/** Applies the last chosen theme before the host answers, so the first paint does not flash. */
export function applyRememberedTheme(): void {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage disabled: follow the system.
  }
  setDocumentTheme(
    (THEMES as readonly string[]).includes(remembered ?? '')
      ? (remembered as ThemeSetting)
      : 'system',
  );
}

export function useTheme(theme: ThemeSetting | undefined): void {
  useEffect(() => {
    if (!theme) return;
    setDocumentTheme(theme);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // The host keeps the setting; remembering is only for the first paint.
    }
    if (theme !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(DARK_QUERY);
    const follow = (): void => setDocumentTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
}
