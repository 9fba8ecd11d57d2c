/**
 * Where the host finds a client profile by id. The portal integration will provide the real
 * directory; until then {@link createDemoClientDirectory} serves the demo clients.
 */
import type { ClientReference } from '../../../shared/contract/services/suggestionService';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { ServiceError } from '../../../shared/rpc/result';

export interface ClientDirectory {
  getClient(clientId: string): Promise<ClientProfile | undefined>;
}

export function createDemoClientDirectory(
  clients: readonly ClientProfile[] = DEMO_CLIENTS,
): ClientDirectory {
  const byId = new Map(clients.map((client) => [client.id, client]));
  return { getClient: async (clientId) => byId.get(clientId) };
}

/** The profile a request refers to; `not-found` when the directory does not know the id. */
export async function resolveClient(
  reference: ClientReference,
  directory: ClientDirectory,
): Promise<ClientProfile> {
  if ('profile' in reference) return reference.profile;
  const profile = await directory.getClient(reference.clientId);
  if (!profile) throw new ServiceError('not-found', 'Unknown client');
  return profile;
}
