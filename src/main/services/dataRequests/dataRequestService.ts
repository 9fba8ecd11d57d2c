/**
 * The data request service (contract: `dataRequestService`) over the portal connection the
 * portal service keeps: search, HTML report, deletion and receipts of `/data-requests…`.
 *
 * Refusals the user must act on (400 number, 403 scope or role, 429 with `Retry-After`) come
 * back as data; no answer, no session or a failing portal (5xx) become ServiceErrors with
 * abstract messages. Neither the number nor any answer body is ever logged.
 */
import { z } from 'zod';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceError } from '../../../shared/rpc/result';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import {
  MAXIMUM_REPORT_CHARACTERS,
  type DataRequestRefusal,
  type dataRequestService,
} from '../../../shared/contract/services/dataRequestService';
import {
  DataRequestFindingsSchema,
  DataRequestReceiptSchema,
} from '../../../shared/portalWire/dataRequestSchemas';
import type { PortalAuth } from '../portal/portalAuth';
import type { PortalResponse } from '../portal/portalHttpClient';
import { send, unexpected } from '../portal/portalApi';

type DataRequestDefinition = typeof dataRequestService;

/** Without a `Retry-After` the portal's window (10 minutes) is the honest guess. */
const DEFAULT_RETRY_AFTER_SECONDS = 600;

export interface DataRequestServiceOptions {
  /** The current portal session (throws a ServiceError while there is none). */
  readonly auth: () => Promise<PortalAuth>;
}

/** The refusal behind a status, or undefined for a status that is not one. */
function refusalOf(response: PortalResponse): DataRequestRefusal | undefined {
  if (response.status === 400) return { kind: 'invalid-number' };
  if (response.status === 403) return { kind: 'forbidden' };
  if (response.status === 429) {
    return {
      kind: 'rate-limited',
      retryAfterSeconds: response.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    };
  }
  return undefined;
}

function parse<T>(schema: z.ZodType<T>, response: PortalResponse, status: number): T {
  if (response.status !== status) throw unexpected(response);
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

export function createDataRequestService(
  options: DataRequestServiceOptions,
): ServiceImplementation<DataRequestDefinition> {
  const post = async (path: string, body: unknown) =>
    send(await options.auth(), { method: 'POST', path, body });
  return {
    events: new ServiceEvents<DataRequestDefinition>(),
    methods: {
      search: async (query) => {
        const response = await post('/data-requests/search', query);
        return (
          refusalOf(response) ?? {
            kind: 'found',
            findings: parse(DataRequestFindingsSchema, response, 200),
          }
        );
      },
      report: async (query) => {
        const response = await post('/data-requests/report', query);
        return (
          refusalOf(response) ?? {
            kind: 'report',
            html: parse(z.string().max(MAXIMUM_REPORT_CHARACTERS), response, 200),
          }
        );
      },
      deleteAll: async (deletion) => {
        const response = await post('/data-requests/deletions', deletion);
        return (
          refusalOf(response) ?? {
            kind: 'deleted',
            receipt: parse(DataRequestReceiptSchema, response, 201),
          }
        );
      },
      receipts: async (requestId) => {
        const response = await send(await options.auth(), {
          method: 'GET',
          path: `/data-requests/receipts/${encodeURIComponent(requestId)}`,
        });
        // No receipt in the user's scope: an empty list, not an error (nothing to show yet).
        if (response.status === 404) return [];
        return parse(z.array(DataRequestReceiptSchema).max(500), response, 200);
      },
    },
  };
}
