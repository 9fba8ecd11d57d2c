import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { noEvents } from '../../../shared/contract/serviceEvents';
import type { SystemInfo, systemService } from '../../../shared/contract/services/systemService';

/** Answers what shell the renderer runs in and what the host can do; facts come from the host. */
export function createSystemService(info: SystemInfo): ServiceImplementation<typeof systemService> {
  return {
    events: noEvents(),
    methods: {
      getInfo: async () => info,
      echoBinary: async (bytes) => bytes,
    },
  };
}
