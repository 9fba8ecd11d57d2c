/**
 * The state and actions of the notes store (see `notesStore.ts` for the rules it keeps).
 */
import type { NoteContext, NoteFieldName, NoteFields } from './noteFields';
import type { NoteEntryView, NoteForm } from './noteForms';
import type { NotesRuntime } from './notesRuntime';

export interface NotesState {
  phase: 'idle' | 'starting' | 'ready' | 'failed';
  forms: Readonly<Record<string, NoteForm>>;
  activeFormId: string | null;
  entries: Readonly<Record<string, NoteEntryView>>;
  /** Stored notes that can no longer be opened (their key is gone), never silently dropped. */
  unreadableCount: number;
  /** AI drafts that arrived before their call's note was opened. */
  pendingDrafts: Readonly<Record<string, { fields: Partial<NoteFields>; aiFilled: string[] }>>;
  lastSaved: { id: string; at: number } | null;

  start(): Promise<void>;
  stop(): void;
  /** Reloads forms and entries after the logged-in user changed. */
  reload(): Promise<void>;
  /** Opens (or re-activates) the note of a call; `initial` are facts the desk knows. */
  openNote(context: NoteContext, initial?: Partial<NoteFields>): Promise<string>;
  activate(formId: string): void;
  updateField<K extends NoteFieldName>(formId: string, name: K, value: NoteFields[K]): void;
  confirmFields(formId: string, names: readonly NoteFieldName[]): void;
  applyDraft(
    callId: string,
    fields: Partial<NoteFields>,
    aiFilledFieldNames: readonly string[],
  ): boolean;
  appendQuote(callId: string, text: string): boolean;
  /** Saves the note into the outbox; false when problems stop it (shown on the form). */
  submit(formId: string, fallbackConcern: string): Promise<boolean>;
  discard(formId: string): Promise<void>;
  retry(entryId: string): Promise<void>;
  flushDrafts(): Promise<void>;
  hasUnsavedNote(): boolean;
  /** Notes not yet at the portal (drafts, queued, failed) of the current user. */
  unsentCount(): number;
  /** The runtime (outbox, database) once started; for exports, tests and benchmarks. */
  runtime(): NotesRuntime | undefined;
}
