import './zod-setup';
import { z } from 'zod';
import { ApiError, isServerErrorCode, messageForCode, type ApiErrorDetails } from './api-error';

/** What a transport hands back: the parsed JSON body (or whatever came) and the HTTP status if any. */
export type RawReply = { status?: number; body: unknown };

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);

const fieldsSchema = z.array(z.object({ path: z.string(), message: z.string() }));

// A gateway in front of the host answering for it means the host could not be reached.
const gatewayStatuses = new Set([502, 503, 504]);

/**
 * Turns a raw reply into the action's data, parsed with its schema, or throws an ApiError whose
 * message is the Chinese sentence from the shared table for the reply's code.
 */
export function readReply<S extends z.ZodType>(reply: RawReply, schema: S): z.output<S> {
  const envelope = envelopeSchema.safeParse(reply.body);
  if (!envelope.success) {
    if (reply.status !== undefined && gatewayStatuses.has(reply.status)) throw new ApiError('NETWORK');
    throw new ApiError('BAD_RESPONSE', { details: { status: reply.status } });
  }
  if (!envelope.data.ok) throw errorFromBody(envelope.data.error);

  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new ApiError('BAD_RESPONSE', { details: { issues: data.error.issues.map((i) => i.path.join('.')) } });
  }
  return data.data;
}

function errorFromBody(body: { code: string; message?: string; details?: Record<string, unknown> }): ApiError {
  const details = readDetails(body.details);
  if (isServerErrorCode(body.code)) {
    return new ApiError(body.code, { message: messageForCode(body.code), details });
  }
  // A code this client does not know yet (a newer server): keep the server's sentence if it sent one.
  return new ApiError('INTERNAL', {
    message: body.message || messageForCode('INTERNAL'),
    details: { ...details, serverCode: body.code },
  });
}

function readDetails(details: Record<string, unknown> | undefined): ApiErrorDetails | undefined {
  if (!details) return undefined;
  const { fields, ...rest } = details;
  const parsed = fieldsSchema.safeParse(fields);
  return parsed.success ? { ...rest, fields: parsed.data } : rest;
}
