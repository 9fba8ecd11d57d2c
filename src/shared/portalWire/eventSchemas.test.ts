/**
 * Events carry IDs and states, never personal data (issue 14, item 8): no field of any event
 * may be named like a caller's number, a name or a text. A new event type is checked too.
 *
 * Named exceptions: the hybrid reception's bot-call events carry what the caller told the bot
 * (transcript segments, collected fields, the escalation summary), because the agent must read
 * it live before accepting. They go only to the client's users or to the one offered agent
 * (`src/portal/hybrid/hybridAudiences.ts`, tested in `hybridEventScope.test.ts`), the same
 * people `GET /bot-calls/:callId` serves; moving them to ID-only events is an open point.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PortalEventSchema } from './eventSchemas';

const PERSONAL_FIELD = /number|name|text|concern|transcript|phone|mail|address|caller|note$/i;

function propertyNames(schema: unknown, found: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((item) => propertyNames(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') {
        found.push(...Object.keys(value));
      }
      propertyNames(value, found);
    }
  }
  return found;
}

/** Event types that carry the bot conversation to its client's users (see above). */
const CONVERSATION_EVENTS = ['bot-call.updated', 'bot-call.transcript', 'offer.created'];

/**
 * A data request's deletion tells desks what to delete without the number: a hash salted per
 * request (`numberHash`). A phone number's hash can be brute-forced, so this is pseudonymous
 * data: it goes only to the users of the clients whose records were deleted (who held them),
 * and the notice expiring is an open point (src/portal/README.md).
 */
const PSEUDONYMOUS_EVENTS = ['data-request.deletion-requested'];
const EXCEPTIONS = [...CONVERSATION_EVENTS, ...PSEUDONYMOUS_EVENTS];

const eventTypeOf = (option: (typeof PortalEventSchema.options)[number]): string =>
  option.shape.type.value;

describe('portal event schemas', () => {
  it('have no field that could carry personal data (IDs end in "Id")', () => {
    const options = PortalEventSchema.options.filter(
      (option) => !EXCEPTIONS.includes(eventTypeOf(option)),
    );
    const names = options.flatMap((option) => propertyNames(z.toJSONSchema(option)));
    expect(names).toContain('clientId');
    const suspicious = names.filter((name) => !/Ids?$/.test(name) && PERSONAL_FIELD.test(name));
    expect(suspicious).toEqual([]);
  });

  it('names every event that carries conversation content (a new one must be added here)', () => {
    const carrying = PortalEventSchema.options
      .filter((option) =>
        propertyNames(z.toJSONSchema(option)).some(
          (name) => !/Ids?$/.test(name) && PERSONAL_FIELD.test(name),
        ),
      )
      .map(eventTypeOf)
      .sort();
    for (const type of carrying) expect(EXCEPTIONS).toContain(type);
    expect(carrying).toContain('bot-call.transcript');
  });
});
