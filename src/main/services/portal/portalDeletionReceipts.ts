/**
 * Deletion receipts from the desk's retention sweeper to the portal (`POST /deletion-receipts`,
 * idempotent on the transaction id). Each receipt is posted on its own; the answer says which
 * ones the portal holds now and which it refused for good. Receipts hold no personal data.
 */
import type { z } from 'zod';
import type { DeletionReceiptRequestSchema } from '../../../shared/portalWire/operationsSchemas';
import type { PortalAuth } from './portalAuth';
import { send } from './portalApi';

type DeletionReceiptRequest = z.infer<typeof DeletionReceiptRequestSchema>;

/** 400: invalid; 409: the id belongs to another client's receipt. Sending again cannot help. */
const REFUSED_FOR_GOOD = new Set([400, 409]);

/**
 * Posts the receipts in order. Stops at the first answer that means "later" (overloaded, no
 * session, server error); a portal that cannot be reached throws (ServiceError `unavailable`).
 * A 403 (not assigned to the client) is left queued: another user's session may send it.
 */
export async function recordDeletionReceipts(
  auth: Pick<PortalAuth, 'request'>,
  receipts: readonly DeletionReceiptRequest[],
): Promise<{ accepted: string[]; rejected: string[] }> {
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const receipt of receipts) {
    const response = await send(auth, {
      method: 'POST',
      path: '/deletion-receipts',
      body: receipt,
    });
    if (response.status === 200 || response.status === 201) {
      accepted.push(receipt.transactionId);
    } else if (REFUSED_FOR_GOOD.has(response.status)) {
      rejected.push(receipt.transactionId);
    } else if (response.status !== 403) {
      break;
    }
  }
  return { accepted, rejected };
}
