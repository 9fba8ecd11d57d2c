/**
 * After-call work: the open note forms, their drafts saved as the agent types (debounced, sealed,
 * strict), submit into the durable outbox, and the per-note status the agent sees.
 *
 * MUST NOT report "saved" before the outbox has persisted the note as `queued` with its
 * idempotency key. A form is closed only by a submit or an explicit discard.
 *
 * For other features: `applyDraft(callId, fields, aiFilledFieldNames)` pre-fills the note of a
 * call (AI-filled fields stay marked until the agent confirms them), `appendQuote(callId, text)`
 * adds a transcript line to the free text, `hasUnsavedNote()` guards presence.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { NoteOutboxOptions } from '../../../shared/sync/noteOutbox';
import { createAppStore, type AppStore } from '../../app/state/appStore';
import {
  noteProblems,
  toCallRecord,
  toSubmission,
  type NoteFieldName,
  type NotePayload,
} from './noteFields';
import {
  applyDraftToForm,
  confirmFields,
  entryView,
  formFromEntry,
  newForm,
  payloadOf,
  withField,
  type NoteForm,
} from './noteForms';
import { NotesRuntime } from './notesRuntime';
import type { NotesState } from './notesState';

export type { NotesState } from './notesState';

/** Pause after the last keystroke before the draft is written. */
export const DRAFT_SAVE_DELAY_MILLISECONDS = 400;

export type NotesStore = AppStore<NotesState>;

export interface NotesStoreOptions {
  client: Pick<AppClient, 'portal' | 'vault'>;
  currentUserId: () => string | null;
  databaseName?: string;
  outbox?: Partial<Omit<NoteOutboxOptions<NotePayload>, 'storage' | 'sender'>>;
  now?: () => number;
}

export function createNotesStore(options: NotesStoreOptions): NotesStore {
  const now = options.now ?? Date.now;
  let runtime: NotesRuntime | undefined;
  let starting: Promise<void> | undefined;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** One write at a time per form, so a late draft save never overtakes the submit. */
  const queues = new Map<string, Promise<void>>();

  const store = createAppStore<NotesState>((set, get) => {
    const setForm = (form: NoteForm): void =>
      set((state) => ({ forms: { ...state.forms, [form.id]: form } }));
    const removeForm = (formId: string): void =>
      set((state) => {
        const { [formId]: _removed, ...forms } = state.forms;
        const remaining = Object.keys(forms);
        return {
          forms,
          activeFormId:
            state.activeFormId === formId ? (remaining.at(-1) ?? null) : state.activeFormId,
        };
      });
    const formOfCall = (callId: string): NoteForm | undefined =>
      Object.values(get().forms).find((form) => form.context.callId === callId);
    const enqueue = (formId: string, step: () => Promise<void>): Promise<void> => {
      const next = (queues.get(formId) ?? Promise.resolve()).then(step, step);
      queues.set(
        formId,
        next.catch(() => undefined),
      );
      return next;
    };
    const saveDraft = (formId: string): Promise<void> =>
      enqueue(formId, async () => {
        const form = get().forms[formId];
        if (!form || !runtime) return;
        const stored = runtime.outbox.get(formId);
        if (stored && stored.status !== 'draft') return;
        // A draft write that fails (database closing, storage full) is retried by the next
        // keystroke and by the submit, which writes the whole note again.
        await runtime.outbox
          .saveDraft(payloadOf(form, form.authorUserId), formId)
          .catch(() => undefined);
      });
    const scheduleSave = (formId: string): void => {
      clearTimeout(timers.get(formId));
      timers.set(
        formId,
        setTimeout(() => {
          timers.delete(formId);
          void saveDraft(formId);
        }, DRAFT_SAVE_DELAY_MILLISECONDS),
      );
    };
    const loadFromOutbox = (): void => {
      if (!runtime) return;
      const userId = options.currentUserId();
      const mine = runtime.outbox.list().filter((entry) => entry.payload.authorUserId === userId);
      const stored = mine.filter((entry) => entry.status === 'draft');
      // Forms opened while the outbox was starting are not stored yet: keep them.
      const unsaved = Object.values(get().forms).filter(
        (form) => form.authorUserId === userId && !runtime?.outbox.get(form.id),
      );
      const forms = Object.fromEntries([
        ...stored.map((entry) => [entry.id, formFromEntry(entry)] as const),
        ...unsaved.map((form) => [form.id, form] as const),
      ]);
      const active = get().activeFormId;
      set({
        forms,
        activeFormId: active && forms[active] ? active : (stored[0]?.id ?? null),
        entries: Object.fromEntries(mine.map((entry) => [entry.id, entryView(entry)])),
        unreadableCount: runtime.storage.unreadable().length,
      });
    };

    return {
      phase: 'idle',
      forms: {},
      activeFormId: null,
      entries: {},
      unreadableCount: 0,
      pendingDrafts: {},
      lastSaved: null,

      start: () =>
        (starting ??= (async () => {
          set({ phase: 'starting' });
          try {
            runtime = await NotesRuntime.start({
              client: options.client,
              currentUserId: options.currentUserId,
              databaseName: options.databaseName,
              outbox: options.outbox,
              onEntry: (entry) => {
                if (entry.payload.authorUserId !== options.currentUserId()) return;
                set((state) => ({ entries: { ...state.entries, [entry.id]: entryView(entry) } }));
              },
            });
            loadFromOutbox();
            set({ phase: 'ready' });
          } catch {
            set({ phase: 'failed' });
          }
        })()),
      stop: () => {
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
        runtime?.stop();
        runtime = undefined;
        starting = undefined;
        set({ phase: 'idle' });
      },
      reload: async () => {
        await get().flushDrafts();
        loadFromOutbox();
      },
      openNote: async (context, initial = {}) => {
        await starting;
        const author = options.currentUserId();
        if (!author) throw new Error('Notes need a logged-in user');
        const existing = context.callId ? formOfCall(context.callId) : undefined;
        if (existing) {
          // Opened at answer, now the call ended: the same form gets the end time (wrap-up
          // starts now) and the end's suggestions for fields the agent has not touched.
          if (existing.context.endAt === null && context.endAt !== null && !existing.submitting) {
            let ended: NoteForm = {
              ...existing,
              context: { ...existing.context, endAt: context.endAt },
              wrapUpStartedAt: context.endAt,
            };
            for (const [name, value] of Object.entries(initial) as [NoteFieldName, never][]) {
              if (!ended.touched.includes(name)) ended = withField(ended, name, value);
            }
            setForm(ended);
            set({ activeFormId: ended.id });
            await saveDraft(ended.id);
            return ended.id;
          }
          set({ activeFormId: existing.id });
          return existing.id;
        }
        let form = newForm(crypto.randomUUID(), author, context, now());
        for (const [name, value] of Object.entries(initial) as [NoteFieldName, never][]) {
          form = withField(form, name, value);
        }
        const pending = context.callId ? get().pendingDrafts[context.callId] : undefined;
        if (pending && context.callId) {
          form = applyDraftToForm(form, pending.fields, pending.aiFilled);
          const { [context.callId]: _used, ...rest } = get().pendingDrafts;
          set({ pendingDrafts: rest });
        }
        setForm(form);
        set({ activeFormId: form.id });
        // Saved at once: a crash right after hang-up must still leave the note to finish.
        await saveDraft(form.id);
        return form.id;
      },
      activate: (formId) => {
        if (get().forms[formId]) set({ activeFormId: formId });
      },
      updateField: (formId, name, value) => {
        const form = get().forms[formId];
        if (!form || form.submitting) return;
        setForm(withField(form, name, value));
        scheduleSave(formId);
      },
      confirmFields: (formId, names) => {
        const form = get().forms[formId];
        if (!form) return;
        setForm(confirmFields(form, names));
        scheduleSave(formId);
      },
      applyDraft: (callId, fields, aiFilledFieldNames) => {
        const form = formOfCall(callId);
        if (!form) {
          set((state) => ({
            pendingDrafts: {
              ...state.pendingDrafts,
              [callId]: { fields, aiFilled: [...aiFilledFieldNames] },
            },
          }));
          return false;
        }
        if (form.submitting) return false;
        setForm(applyDraftToForm(form, fields, aiFilledFieldNames));
        scheduleSave(form.id);
        return true;
      },
      appendQuote: (callId, text) => {
        const form = formOfCall(callId);
        if (!form || form.submitting) return false;
        const quoted = `„${text.trim()}“`;
        const freeText = form.fields.freeText ? `${form.fields.freeText}\n${quoted}` : quoted;
        get().updateField(form.id, 'freeText', freeText.slice(0, 8000));
        return true;
      },
      submit: async (formId, fallbackConcern) => {
        await starting;
        const form = get().forms[formId];
        const author = options.currentUserId();
        if (!form || form.submitting || !runtime || author !== form.authorUserId) return false;
        const problems = noteProblems(form.fields, form.aiFilled);
        if (problems.length > 0 || form.fields.outcome === '') {
          setForm({ ...form, problems });
          return false;
        }
        clearTimeout(timers.get(formId));
        setForm({ ...form, submitting: true, problems: [] });
        const submittedAt = now();
        const payload: NotePayload = {
          ...payloadOf(form, author),
          submission: toSubmission(form.fields, form.context, fallbackConcern),
          call: toCallRecord(form.context, form.fields.outcome, submittedAt),
        };
        const active = runtime;
        try {
          await enqueue(formId, async () => {
            await active.outbox.saveDraft(payload, formId);
            await active.outbox.submit(formId);
          });
        } catch {
          setForm({ ...form, submitting: false });
          return false;
        }
        removeForm(formId);
        set({ lastSaved: { id: formId, at: now() } });
        return true;
      },
      discard: async (formId) => {
        await starting;
        clearTimeout(timers.get(formId));
        const active = runtime;
        await enqueue(formId, async () => {
          if (active?.outbox.get(formId)?.status === 'draft')
            await active.outbox.discardDraft(formId);
        });
        removeForm(formId);
        set((state) => {
          const { [formId]: _gone, ...entries } = state.entries;
          return { entries };
        });
      },
      retry: async (entryId) => {
        await runtime?.outbox.retry(entryId);
      },
      flushDrafts: async () => {
        const waiting = [...timers.keys()];
        for (const formId of waiting) clearTimeout(timers.get(formId));
        timers.clear();
        await Promise.all(waiting.map((formId) => saveDraft(formId)));
      },
      hasUnsavedNote: () => Object.keys(get().forms).length > 0,
      unsentCount: () =>
        Object.values(get().entries).filter(
          (entry) => entry.status !== 'sent' && entry.status !== 'delivered',
        ).length,
      runtime: () => runtime,
    };
  });
  return store;
}
