/**
 * The work areas, in navigation order (Alt+1 … Alt+9 follow this order). A feature plugs in
 * with one line: `defineArea('<id>', <Component>, { requiredRoles: [...] })`, plus the
 * `app:areas.<id>` label in both languages (i18n/namespaces/appTranslations.ts).
 */
import { CallHistoryArea } from '../features/history/CallHistoryArea';
import { BotCallsArea } from '../features/hybrid/BotCallsArea';
import { BotSwitchArea } from '../features/botSwitch/BotSwitchArea';
import { SettingsArea } from '../features/settings/SettingsArea';
import { SupervisionArea } from '../features/supervision/SupervisionArea';
import { CallWorkspace } from '../features/callWorkspace/CallWorkspace';
import { DirectoryArea } from '../features/directory/DirectoryArea';
import { DataRequestsArea } from '../features/dataRequests/DataRequestsArea';
import { defineArea, type AreaDefinition } from './areaDefinition';

export const AREAS: readonly AreaDefinition[] = [
  defineArea('calls', CallWorkspace, { requiredRoles: [], mountAtStart: true }),
  defineArea('history', CallHistoryArea, { requiredRoles: ['agent'] }),
  defineArea('directory', DirectoryArea, { requiredRoles: ['agent'] }),
  defineArea('supervision', SupervisionArea, { requiredRoles: ['supervisor', 'shiftLead'] }),
  defineArea('settings', SettingsArea, { requiredRoles: [] }),
  // Last, so Alt+1…5 keep their places; a separate area from supervision (agents use it).
  defineArea('botCalls', BotCallsArea, { requiredRoles: ['agent'] }),
  defineArea('botSwitch', BotSwitchArea, { requiredRoles: ['shiftLead'] }),
  // Admins hold every desk role (rolesOfPortalRole), so `supervisor` opens it to both.
  defineArea('dataRequests', DataRequestsArea, { requiredRoles: ['supervisor', 'admin'] }),
];
