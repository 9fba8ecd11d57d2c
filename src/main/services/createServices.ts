/**
 * The composition root for host services: one per host (Electron main, web shell host).
 * Everything is wired here explicitly; no service reaches for a global.
 */
import { join } from 'node:path';
import type { AppServices } from '../../shared/contract/appContract';
import type { ServiceImplementation } from '../../shared/contract/contractDefinition';
import type { SystemInfo } from '../../shared/contract/services/systemService';
import type { updateService } from '../../shared/contract/services/updateService';
import { createAiServices } from './ai/createAiServices';
import { providerSettingsFromSettingsHost } from './ai/providerSettings';
import { ServiceError } from '../../shared/rpc/result';
import type { SecretStore } from './secrets/secretStore';
import { createBotSwitchService } from './botSwitch/botSwitchService';
import { createDataRequestService } from './dataRequests/dataRequestService';
import { createHybridService } from './hybrid/hybridService';
import { createSupervisionService } from './supervision/supervisionService';
import { createPortalService } from './portal/portalService';
import { createSettingsService, type SettingsHost } from './settings/settingsService';
import { createSipAuthService } from './sipAuth/sipAuthService';
import { createSystemService, type SystemServiceHost } from './system/systemService';
import { createUnsupportedUpdateService } from './updates/unsupportedUpdateService';
import { createVaultService } from './vault/vaultService';

export interface HostEnvironment {
  shell: SystemInfo['shell'];
  appVersion: string;
  /** The user's data folder for this app; created if missing. */
  dataDirectory: string;
  secrets: SecretStore;
  capabilities: SystemInfo['capabilities'];
  /** The Electron shell brings electron-updater; the web shell has none. */
  updates?: ServiceImplementation<typeof updateService>;
}

export interface HostServices {
  services: AppServices;
  settings: SettingsHost;
  /** The system service, for the shell to report global shortcuts (Electron). */
  system: SystemServiceHost;
  dispose(): Promise<void>;
}

export async function createServices(environment: HostEnvironment): Promise<HostServices> {
  const settings = await createSettingsService({
    filePath: join(environment.dataDirectory, 'settings.json'),
    secrets: environment.secrets,
  });
  const portal = createPortalService({ settings, ...environment });
  const portalAuth = async () => {
    await portal.ready();
    const connection = portal.connection();
    if (!connection) throw new ServiceError('unavailable', 'The portal is not available');
    return connection.auth;
  };
  const hybrid = createHybridService({ auth: portalAuth, onPortalEvent: portal.onPortalEvent });
  const supervision = createSupervisionService({
    auth: portalAuth,
    onPortalEvent: portal.onPortalEvent,
  });
  const ai = createAiServices({ providers: providerSettingsFromSettingsHost(settings) });
  const system = createSystemService({
    shell: environment.shell,
    appVersion: environment.appVersion,
    platform: process.platform,
    capabilities: environment.capabilities,
  });
  const services: AppServices = {
    system,
    settings,
    updates: environment.updates ?? createUnsupportedUpdateService(),
    vault: createVaultService({ secrets: environment.secrets }),
    sipAuth: createSipAuthService(settings),
    portal,
    hybrid,
    supervision,
    botSwitch: createBotSwitchService({ auth: portalAuth }),
    dataRequests: createDataRequestService({ auth: portalAuth }),
    ...ai.services,
  };
  return {
    services,
    settings,
    system,
    dispose: async () => {
      await settings.whenIdle();
      ai.dispose();
      hybrid.dispose();
      supervision.dispose();
      await portal.dispose();
    },
  };
}
