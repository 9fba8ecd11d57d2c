/**
 * Data-request deletions for this desk (issue 13 item 2): the ones it has not confirmed yet
 * (`GET /data-requests/desk-deletions`, fetched after login before local data is shown) and its
 * receipt (`POST …/:requestId/receipt`, counts only; the portal keeps the first of replays).
 */
import { z } from 'zod';
import {
  DeskDeletionNoticeSchema,
  type DeskDeletionNotice,
  type DeskReceiptSubmission,
} from '../../../shared/portalWire/dataRequestSchemas';
import { ServiceError } from '../../../shared/rpc/result';
import type { PortalAuth } from './portalAuth';
import { send, unexpected } from './portalApi';

/** The deletions this desk still has to repeat on its local copies. */
export async function pendingDeskDeletions(
  auth: Pick<PortalAuth, 'request'>,
): Promise<DeskDeletionNotice[]> {
  const response = await send(auth, { method: 'GET', path: '/data-requests/desk-deletions' });
  if (response.status !== 200) throw unexpected(response);
  const parsed = z.array(DeskDeletionNoticeSchema).safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

/** Sends this desk's receipt for one request. */
export async function recordDeskDeletionReceipt(
  auth: Pick<PortalAuth, 'request'>,
  requestId: string,
  receipt: DeskReceiptSubmission,
): Promise<null> {
  const response = await send(auth, {
    method: 'POST',
    path: `/data-requests/desk-deletions/${encodeURIComponent(requestId)}/receipt`,
    body: receipt,
  });
  if (response.status !== 201) throw unexpected(response);
  return null;
}
