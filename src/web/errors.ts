/**
 * Request errors. One base class carries the HTTP status and a stable machine code; subclasses only
 * change defaults. The error middleware renders views/errors/<status>.hbs or JSON for /api and
 * .json/.csv URLs.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found', details?: Record<string, unknown>) {
    super(404, 'not_found', message, details);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, 'bad_request', message, details);
  }
}

/** No usable credentials: says how to send a bearer token; the error middleware adds WWW-Authenticate. */
export class UnauthorizedError extends AppError {
  constructor(message: string, code = 'unauthorized') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden', code = 'forbidden') {
    super(403, code, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

/** A problem with a user's input: where it is, what it was, what was expected. */
export interface InputProblem {
  code: string;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** Input that cannot be accepted (422), with every problem found (capped by the producer). */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly problems: InputProblem[],
    readonly problemCount: number = problems.length,
  ) {
    super(422, 'validation_failed', message);
  }
}
