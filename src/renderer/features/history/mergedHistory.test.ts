import { describe, expect, it } from 'vitest';
import type { PortalCall, PortalNote } from '../../../shared/contract/services/portalService';
import type { NoteEntryView } from '../notes/noteForms';
import type { CallHistoryEntry } from './callHistoryEntry';
import { mergeHistory, rowMatchesQuery, type HistorySources } from './mergedHistory';

const LEG = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const OTHER_CALL = '7a1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const KEY = '8b1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const CLIENTS = [{ id: 'law', name: 'Kanzlei Berger', lines: ['+493023125101'] }];

const localCall: CallHistoryEntry = {
  id: LEG,
  startedAt: Date.parse('2026-11-20T09:00:00Z'),
  direction: 'incoming',
  remoteNumber: '+4915112345678',
  remoteLabel: '0151 12345678',
  remoteName: 'Erika',
  clientLine: '+493023125101',
  durationSeconds: 95,
  outcome: 'completed',
};

const portalCall = (patch: Partial<PortalCall>): PortalCall => ({
  id: LEG,
  clientId: 'law',
  line: '+493023125101',
  callerNumber: '+4915112345678',
  ringAt: '2026-11-20T09:00:00.000Z',
  answerAt: '2026-11-20T09:00:05.000Z',
  endAt: '2026-11-20T09:01:40.000Z',
  outcome: 'message-taken',
  wrapUpSeconds: 30,
  agentId: 'me',
  ...patch,
});

const portalNote = (patch: Partial<PortalNote>): PortalNote => ({
  id: 'note-1',
  clientId: 'law',
  callId: LEG,
  callerName: 'Erika Muster',
  company: '',
  callbackNumber: '0151 12345678',
  concern: 'Rückruf wegen Termin',
  urgency: 'normal',
  preferredCallbackTime: '',
  outcome: 'message-taken',
  freeText: '',
  tags: [],
  idempotencyKey: KEY,
  status: 'delivered',
  createdBy: 'me',
  createdAt: '2026-11-20T09:02:00.000Z',
  ...patch,
});

const localNote = (patch: Partial<NoteEntryView>): NoteEntryView => ({
  id: 'local-1',
  status: 'queued',
  callId: LEG,
  idempotencyKey: KEY,
  clientId: 'law',
  clientName: 'Kanzlei Berger',
  callerName: 'Erika Muster',
  concern: 'Rückruf wegen Termin',
  lastErrorCode: null,
  remoteStatus: null,
  createdAt: Date.parse('2026-11-20T09:02:00Z'),
  updatedAt: Date.parse('2026-11-20T09:02:00Z'),
  ...patch,
});

const sources = (patch: Partial<HistorySources>): HistorySources => ({
  local: [],
  localNotes: [],
  portalCalls: [],
  portalNotes: [],
  clients: CLIENTS,
  userId: 'me',
  ...patch,
});

describe('merged history', () => {
  it('shows a call known to the desk and the portal once, with facts from both', () => {
    const rows = mergeHistory(
      sources({ local: [localCall], portalCalls: [portalCall({})], portalNotes: [portalNote({})] }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: LEG,
      source: 'both',
      clientName: 'Kanzlei Berger',
      durationSeconds: 95,
      phoneOutcome: 'completed',
      portalOutcome: 'message-taken',
      note: { status: 'delivered', callerName: 'Erika Muster' },
      otherAgent: false,
    });
  });

  it('keeps the desk-only and portal-only rows, newest first, and marks colleagues', () => {
    const rows = mergeHistory(
      sources({
        local: [localCall],
        portalCalls: [
          portalCall({
            id: OTHER_CALL,
            ringAt: '2026-11-20T10:00:00.000Z',
            answerAt: '2026-11-20T10:00:02.000Z',
            endAt: '2026-11-20T10:00:32.000Z',
            agentId: 'colleague',
          }),
        ],
      }),
    );
    expect(rows.map((row) => [row.key, row.source])).toEqual([
      [OTHER_CALL, 'portal'],
      [LEG, 'desk'],
    ]);
    expect(rows[0]).toMatchObject({ otherAgent: true, durationSeconds: 30 });
  });

  it('shows a queued note with its call while the portal does not have it yet', () => {
    const rows = mergeHistory(
      sources({ local: [localCall], portalCalls: [portalCall({})], localNotes: [localNote({})] }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.note?.status).toBe('queued');
  });

  it("prefers the portal's note status once the desk's note is sent", () => {
    const rows = mergeHistory(
      sources({
        local: [localCall],
        portalNotes: [portalNote({ status: 'delivering' })],
        localNotes: [localNote({ status: 'sent' })],
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'both', note: { status: 'delivering' } });
  });

  it('matches a note without a call by its idempotency key, and skips drafts', () => {
    const rows = mergeHistory(
      sources({
        portalNotes: [portalNote({ callId: null })],
        localNotes: [
          localNote({ callId: null, status: 'sent' }),
          localNote({ id: 'draft', callId: null, idempotencyKey: null, status: 'draft' }),
        ],
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: KEY, kind: 'note', source: 'both' });
    expect(rows[0]!.remoteNumber).toBe('015112345678');
  });

  it('searches numbers in national form, names, clients and concerns', () => {
    const [row] = mergeHistory(sources({ local: [localCall], portalNotes: [portalNote({})] }));
    expect(rowMatchesQuery(row!, '0151 123')).toBe(true);
    expect(rowMatchesQuery(row!, '030 2312')).toBe(true);
    expect(rowMatchesQuery(row!, 'berger')).toBe(true);
    expect(rowMatchesQuery(row!, 'termin')).toBe(true);
    expect(rowMatchesQuery(row!, 'steuer')).toBe(false);
    expect(rowMatchesQuery(row!, '0170')).toBe(false);
  });
});
