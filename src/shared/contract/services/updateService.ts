/**
 * Application updates (electron-updater behind it in the Electron shell).
 * An update MUST NOT be installed while a call is active: the renderer reports call activity,
 * and `installNow` refuses with `conflict` while one is.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';

export const UPDATE_STATES = [
  'unsupported',
  'idle',
  'checking',
  'available',
  'downloading',
  'ready',
  'error',
] as const;

export const UpdateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  version: z.string().optional(),
  progressPercent: z.number().min(0).max(100).optional(),
  message: z.string().optional(),
  /** True while the renderer reports a call: installation waits until it is false. */
  deferredForCall: z.boolean(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const updateService = defineService({
  methods: {
    getStatus: defineMethod(z.tuple([]), UpdateStatusSchema),
    check: defineMethod(z.tuple([]), UpdateStatusSchema),
    installNow: defineMethod(z.tuple([]), UpdateStatusSchema),
    setCallActive: defineMethod(z.tuple([z.boolean()]), UpdateStatusSchema),
  },
  events: {
    onDidChangeStatus: UpdateStatusSchema,
  },
});
