import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { GlobalShortcutAction } from '../../../shared/contract/services/settingsService';
import type { SystemInfo, systemService } from '../../../shared/contract/services/systemService';

/** The system service plus the host's way to report a pressed global shortcut to the page. */
export interface SystemServiceHost extends ServiceImplementation<typeof systemService> {
  /** Called by the Electron shell when a global shortcut fired; the web shell never calls it. */
  emitGlobalShortcut(action: GlobalShortcutAction): void;
}

/** Answers what shell the renderer runs in and what the host can do; facts come from the host. */
export function createSystemService(info: SystemInfo): SystemServiceHost {
  const events = new ServiceEvents<typeof systemService>();
  return {
    events,
    methods: {
      getInfo: async () => info,
      echoBinary: async (bytes) => bytes,
    },
    emitGlobalShortcut: (action) => events.emit('onGlobalShortcut', { action }),
  };
}
