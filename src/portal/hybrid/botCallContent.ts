/**
 * What the bot heard and collected (transcript segments, fields, escalation summary): personal
 * data, so it follows the client's retention policy. Clients with `ram-only` retention keep it in
 * this process's memory only (never written to disk; lost on restart, and not shared between two
 * portal processes); every other client keeps it in the database until the retention sweep
 * (botCallRetention.ts) deletes it with a deletion receipt.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { CollectedField, TranscriptSegment } from '../../shared/portalWire/hybridSchemas';

type Database = Kysely<PortalDatabase>;

interface MemoryContent {
  segments: Map<string, TranscriptSegment>;
  fields: Map<string, CollectedField>;
  summary: string | undefined;
}

/** Per portal process: the content of RAM-only clients' bot calls. */
export class BotCallContent {
  private readonly memory = new Map<string, MemoryContent>();

  private memoryOf(callId: string): MemoryContent {
    let content = this.memory.get(callId);
    if (!content) {
      content = { segments: new Map(), fields: new Map(), summary: undefined };
      this.memory.set(callId, content);
    }
    return content;
  }

  async putSegment(
    database: Database,
    callId: string,
    ramOnly: boolean,
    segment: TranscriptSegment,
  ): Promise<void> {
    if (ramOnly) {
      this.memoryOf(callId).segments.set(segment.segmentId, segment);
      return;
    }
    const values = {
      speaker: segment.speaker,
      text: segment.text,
      start_ms: segment.startMs,
      end_ms: segment.endMs,
      final: segment.final ? 1 : 0,
    };
    await database
      .insertInto('bot_call_segments')
      .values({ call_id: callId, segment_id: segment.segmentId, ...values })
      .onConflict((conflict) => conflict.columns(['call_id', 'segment_id']).doUpdateSet(values))
      .execute();
  }

  async putField(
    database: Database,
    callId: string,
    ramOnly: boolean,
    field: CollectedField,
  ): Promise<void> {
    if (ramOnly) {
      this.memoryOf(callId).fields.set(field.field, field);
      return;
    }
    const values = { value: field.value, confidence: field.confidence };
    await database
      .insertInto('bot_call_fields')
      .values({ call_id: callId, field: field.field, ...values })
      .onConflict((conflict) => conflict.columns(['call_id', 'field']).doUpdateSet(values))
      .execute();
  }

  async putSummary(
    database: Database,
    callId: string,
    ramOnly: boolean,
    summary: string,
  ): Promise<void> {
    if (ramOnly) {
      this.memoryOf(callId).summary = summary;
      return;
    }
    await database
      .insertInto('bot_call_summaries')
      .values({ call_id: callId, summary })
      .onConflict((conflict) => conflict.column('call_id').doUpdateSet({ summary }))
      .execute();
  }

  /** Transcript in time order, fields and summary of one call. */
  async read(
    database: Database,
    callId: string,
  ): Promise<{ segments: TranscriptSegment[]; fields: CollectedField[]; summary: string }> {
    const memory = this.memory.get(callId);
    if (memory) {
      return {
        segments: [...memory.segments.values()].sort(bySegmentTime),
        fields: [...memory.fields.values()],
        summary: memory.summary ?? '',
      };
    }
    const [segmentRows, fieldRows, summaryRow] = await Promise.all([
      database.selectFrom('bot_call_segments').selectAll().where('call_id', '=', callId).execute(),
      database.selectFrom('bot_call_fields').selectAll().where('call_id', '=', callId).execute(),
      database
        .selectFrom('bot_call_summaries')
        .select('summary')
        .where('call_id', '=', callId)
        .executeTakeFirst(),
    ]);
    return {
      segments: segmentRows
        .map((row) => ({
          segmentId: row.segment_id,
          speaker: row.speaker as TranscriptSegment['speaker'],
          text: row.text,
          startMs: Number(row.start_ms),
          endMs: Number(row.end_ms),
          final: Number(row.final) === 1,
        }))
        .sort(bySegmentTime),
      fields: fieldRows.map((row) => ({
        field: row.field as CollectedField['field'],
        value: row.value,
        confidence: Number(row.confidence),
      })),
      summary: summaryRow?.summary ?? '',
    };
  }

  /** Deletes a call's content wherever it is; true when there was any. */
  async delete(database: Database, callId: string): Promise<boolean> {
    const inMemory = this.memory.delete(callId);
    const results = await Promise.all(
      (['bot_call_segments', 'bot_call_fields', 'bot_call_summaries'] as const).map((table) =>
        database.deleteFrom(table).where('call_id', '=', callId).executeTakeFirst(),
      ),
    );
    return inMemory || results.some((result) => Number(result.numDeletedRows) > 0);
  }

  /** Calls whose RAM-only collected field matches (data requests look up callback numbers). */
  callIdsInMemoryWhere(
    field: CollectedField['field'],
    matches: (value: string) => boolean,
  ): string[] {
    return [...this.memory.entries()]
      .filter(([, content]) => {
        const value = content.fields.get(field)?.value;
        return value !== undefined && matches(value);
      })
      .map(([callId]) => callId);
  }

  /** Whether this process holds RAM-only content for the call. */
  holdsInMemory(callId: string): boolean {
    return this.memory.has(callId);
  }
}

function bySegmentTime(left: TranscriptSegment, right: TranscriptSegment): number {
  return left.startMs - right.startMs || left.segmentId.localeCompare(right.segmentId);
}
