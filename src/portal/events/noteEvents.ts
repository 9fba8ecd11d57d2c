/** Publishes a note's status change to desktops scoped to its client. */
import type { Note } from '../../shared/portalWire/noteSchemas';
import { nowIso, type PortalContext } from '../portalContext';

export function publishNoteStatus(
  context: PortalContext,
  note: Pick<Note, 'id' | 'clientId' | 'idempotencyKey' | 'status'>,
): void {
  context.events.publish(
    {
      type: 'note.status-changed',
      at: nowIso(context),
      noteId: note.id,
      clientId: note.clientId,
      idempotencyKey: note.idempotencyKey,
      status: note.status,
    },
    { clientIds: [note.clientId] },
  );
}
