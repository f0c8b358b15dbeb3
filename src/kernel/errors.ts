/**
 * Errors a service throws when a request cannot be met. The HTTP layer maps each to its status in one
 * place (kernel/http/errors.ts); the message is written for the person who will read it.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super(message, 404);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue') {
    super(message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do that') {
    super(message, 403);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, 409);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** Input that breaks a rule: each problem names its field, so a form can point at it. */
export class ValidationError extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; '), 400);
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(message = 'There have been too many attempts. Wait a few minutes, then try again.') {
    super(message, 429);
  }
}
