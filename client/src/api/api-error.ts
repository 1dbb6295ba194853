import { errorMessages, type ErrorCode } from '../../../shared/errors/error-codes';

/** Failures only the client can see: the server never answered, or answered something unreadable. */
export const ClientErrorCode = {
  NETWORK: 'NETWORK',
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;

export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export type ApiErrorCode = ErrorCode | ClientErrorCode;

export const clientErrorMessages: Record<ClientErrorCode, string> = {
  NETWORK: '网络连接不上，请检查网络后重试',
  BAD_RESPONSE: '服务器的回复不完整，请稍后重试',
};

export type FieldError = { path: string; message: string };

export type ApiErrorDetails = { fields?: FieldError[]; [key: string]: unknown };

const serverCodes = new Set<string>(Object.keys(errorMessages));

export function isServerErrorCode(code: string): code is ErrorCode {
  return serverCodes.has(code);
}

/** The Chinese sentence a resident reads for a code. */
export function messageForCode(code: ApiErrorCode): string {
  return isServerErrorCode(code) ? errorMessages[code] : clientErrorMessages[code];
}

/** Every failed call rejects with this one type; `code` is what pages branch on. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: ApiErrorDetails;

  constructor(code: ApiErrorCode, options: { message?: string; details?: ApiErrorDetails } = {}) {
    super(options.message ?? messageForCode(code));
    this.name = 'ApiError';
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
  }

  /** Field-level messages from a VALIDATION_FAILED reply, keyed by field path. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of this.details?.fields ?? []) {
      if (!(field.path in out)) out[field.path] = field.message;
    }
    return out;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Errors a person can fix by trying again (as opposed to changing what they sent). */
const retryableCodes = new Set<ApiErrorCode>(['NETWORK', 'BAD_RESPONSE', 'INTERNAL', 'WECHAT_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

export function isRetryable(error: unknown): boolean {
  return isApiError(error) && retryableCodes.has(error.code);
}

/** Anything thrown on the way (a bug, a rejected promise) becomes an ApiError a page can show. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError('INTERNAL', { details: { cause: error instanceof Error ? error.message : String(error) } });
}
