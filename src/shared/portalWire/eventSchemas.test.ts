/**
 * Events carry IDs and states, never personal data (issue 14, item 8): no field of any event
 * may be named like a caller's number, a name or a text. A new event type is checked too.
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

describe('portal event schemas', () => {
  it('have no field that could carry personal data (IDs end in "Id")', () => {
    const names = propertyNames(z.toJSONSchema(PortalEventSchema));
    expect(names).toContain('clientId');
    const suspicious = names.filter((name) => !/Ids?$/.test(name) && PERSONAL_FIELD.test(name));
    expect(suspicious).toEqual([]);
  });
});
