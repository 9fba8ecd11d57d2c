/**
 * The supervisor board (issue 10): the board of the supervisor's clients, the actions on it
 * (agent not ready, log out, acknowledge an alert), the read-only view of a call with whispers
 * and review notes; and, for agents, the whispers sent to them on a call.
 *
 * The host talks to the portal (`/supervision/…`, `/calls/:callId/whispers`) and forwards the
 * events the board follows. Shapes are the portal's wire schemas (`supervisionSchemas.ts`).
 * Rules: whisper and note texts are rendered as text only; a whisper reaches only the agent on
 * the call (the portal's event audience is that one user).
 */
import { z } from 'zod';
import {
  ReviewNoteSchema,
  SupervisedCallSchema,
  SupervisionBoardSchema,
  WhisperSchema,
} from '../../portalWire/supervisionSchemas';
import {
  BotCallUpdatedEventSchema,
  PresenceChangedEventSchema,
  SupervisionChangedEventSchema,
  WhisperReceivedEventSchema,
} from '../../portalWire/eventSchemas';
import { defineMethod, defineService } from '../contractDefinition';

const Identifier = z.string().min(1).max(64);
const Text = z.string().min(1).max(2000);

/** The portal events the board follows, as they came (without queue snapshots). */
export const BoardEventSchema = z.discriminatedUnion('type', [
  PresenceChangedEventSchema,
  BotCallUpdatedEventSchema.omit({ collectedFields: true }),
  SupervisionChangedEventSchema,
]);
export type BoardEvent = z.infer<typeof BoardEventSchema>;

export const WhisperNoticeSchema = WhisperReceivedEventSchema.omit({ type: true });
export type WhisperNotice = z.infer<typeof WhisperNoticeSchema>;

export const supervisionService = defineService({
  methods: {
    board: defineMethod(z.tuple([]), SupervisionBoardSchema),
    setNotReady: defineMethod(z.tuple([Identifier, z.string().min(1).max(80)]), z.null()),
    logOut: defineMethod(z.tuple([Identifier]), z.null()),
    acknowledge: defineMethod(z.tuple([Identifier, z.string().min(1).max(200)]), z.null()),
    callView: defineMethod(z.tuple([Identifier]), SupervisedCallSchema),
    whisper: defineMethod(z.tuple([Identifier, z.string().min(1).max(500)]), WhisperSchema),
    addReviewNote: defineMethod(
      z.tuple([Identifier, Text, Identifier.nullable()]),
      ReviewNoteSchema,
    ),
    /** Whispers sent to this user on a call (the agent's call card). */
    whispersFor: defineMethod(z.tuple([Identifier]), z.array(WhisperSchema).max(200)),
  },
  events: {
    onBoardEvent: BoardEventSchema,
    onWhisperReceived: WhisperNoticeSchema,
  },
});
