/**
 * The few typed errors the domain raises. The API maps each to an HTTP status
 * once (problem+json): validation 400, forbidden 403, not found 404,
 * illegal transition 409. Revision conflicts come from the event store (412).
 */
export abstract class DomainError extends Error {}

export interface FieldProblem {
  field: string;
  reason: string;
}

export class ValidationFailed extends DomainError {
  override readonly name = 'ValidationFailed';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
  }
}

export class Forbidden extends DomainError {
  override readonly name = 'Forbidden';
  constructor(
    readonly role: string,
    readonly command: string,
  ) {
    super(`Rollen ${role} må ikke ${command}`);
  }
}

export class NotFound extends DomainError {
  override readonly name = 'NotFound';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} findes ikke`);
  }
}

export class IllegalTransition extends DomainError {
  override readonly name = 'IllegalTransition';
  constructor(
    readonly currentState: string,
    readonly command: string,
    readonly allowedCommands: string[],
  ) {
    super(`${command} er ikke tilladt i tilstanden ${currentState}; tilladt nu: ${allowedCommands.join(', ') || 'intet'}`);
  }
}
