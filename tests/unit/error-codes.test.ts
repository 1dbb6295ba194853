import { AppError, ErrorCode, errorHttpStatus, errorMessages } from '../../shared/errors';

describe('the error code table', () => {
  const codes = Object.values(ErrorCode);

  it.each(codes)('%s has a Chinese message and an HTTP status', (code) => {
    expect(errorMessages[code]).toMatch(/[\u4e00-\u9fa5]/);
    expect(errorHttpStatus[code]).toBeGreaterThanOrEqual(400);
  });

  it('maps the statuses the host promises', () => {
    expect(errorHttpStatus.VALIDATION_FAILED).toBe(400);
    expect(errorHttpStatus.UNAUTHENTICATED).toBe(401);
    expect(errorHttpStatus.FORBIDDEN).toBe(403);
    expect(errorHttpStatus.NOT_FOUND).toBe(404);
    expect(errorHttpStatus.CONFLICT).toBe(409);
    expect(errorHttpStatus.NOT_STARTED).toBe(409);
    expect(errorHttpStatus.RATE_LIMITED).toBe(429);
    expect(errorHttpStatus.INTERNAL).toBe(500);
  });

  it('an AppError carries the code, the message for it and the details', () => {
    const error = new AppError('NOT_FOUND', { id: 'b1' });
    expect(error.toBody()).toEqual({ code: 'NOT_FOUND', message: errorMessages.NOT_FOUND, details: { id: 'b1' } });
  });
});
