import { ErrorCode, errorMessages } from './error-codes';

export type FieldIssue = { path: string; message: string };

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldIssue[]; [key: string]: unknown };
};

/** The one error type: services throw it, the function adapter turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorBody['details'];

  constructor(code: ErrorCode, details?: ErrorBody['details'], message?: string) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
