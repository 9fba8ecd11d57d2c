/**
 * System facts the renderer asks the host about: which shell it runs in, the app version, and
 * what the host can do. The renderer MUST NOT guess these from the environment itself.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';
import { GLOBAL_SHORTCUT_ACTIONS } from './settingsService';

export const SHELL_KINDS = ['electron', 'web'] as const;

export const SystemInfoSchema = z.object({
  shell: z.enum(SHELL_KINDS),
  appVersion: z.string(),
  platform: z.string(),
  capabilities: z.object({
    updates: z.boolean(),
    osNotifications: z.boolean(),
  }),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const systemService = defineService({
  methods: {
    getInfo: defineMethod(z.tuple([]), SystemInfoSchema),
    /** Echoes bytes back; proves that binary frames cross the transport intact. */
    echoBinary: defineMethod(z.tuple([z.instanceof(Uint8Array)]), z.instanceof(Uint8Array)),
  },
  events: {
    /**
     * A global shortcut (settings `globalShortcuts`) was pressed while another program had the
     * focus. Electron only; the web shell never emits it. The renderer runs the same action as
     * its in-window key.
     */
    onGlobalShortcut: z.object({ action: z.enum(GLOBAL_SHORTCUT_ACTIONS) }),
  },
});
