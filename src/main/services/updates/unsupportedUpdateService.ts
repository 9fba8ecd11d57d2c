import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { noEvents } from '../../../shared/contract/serviceEvents';
import type { UpdateStatus, updateService } from '../../../shared/contract/services/updateService';

/** The web shell cannot update itself: the page is served by whatever version the host runs. */
export function createUnsupportedUpdateService(): ServiceImplementation<typeof updateService> {
  const status: UpdateStatus = {
    state: 'unsupported',
    message: 'Updates are installed with the host, not from the web shell',
    deferredForCall: false,
  };
  return {
    events: noEvents(),
    methods: {
      getStatus: async () => status,
      check: async () => status,
      installNow: async () => status,
      setCallActive: async () => status,
    },
  };
}
