/**
 * The one contract between the renderer and the host. Each service is declared in its own file
 * under `services/` (interfaces and payload schemas together); this file names them.
 * To add a service: declare it in `services/<name>Service.ts`, add it here, implement it under
 * `src/main/services/`, and wire it in `createServices()`.
 */
import { botSwitchService } from './services/botSwitchService';
import { dataRequestService } from './services/dataRequestService';
import { hybridService } from './services/hybridService';
import { noteDraftService } from './services/noteDraftService';
import { portalService } from './services/portalService';
import { settingsService } from './services/settingsService';
import { sipAuthService } from './services/sipAuthService';
import { suggestionService } from './services/suggestionService';
import { supervisionService } from './services/supervisionService';
import { systemService } from './services/systemService';
import { transcriptionService } from './services/transcriptionService';
import { updateService } from './services/updateService';
import { vaultService } from './services/vaultService';
import type { ContractClient, ContractImplementation } from './contractDefinition';

export const APP_CONTRACT = {
  system: systemService,
  settings: settingsService,
  updates: updateService,
  vault: vaultService,
  sipAuth: sipAuthService,
  portal: portalService,
  transcription: transcriptionService,
  suggestions: suggestionService,
  noteDrafts: noteDraftService,
  hybrid: hybridService,
  supervision: supervisionService,
  botSwitch: botSwitchService,
  dataRequests: dataRequestService,
} as const;

export type AppContract = typeof APP_CONTRACT;
export type AppClient = ContractClient<AppContract>;
export type AppServices = ContractImplementation<AppContract>;
