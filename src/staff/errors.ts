// The staff layer's named errors: a refused action carries the HTTP status and a stable code the dashboard shows.

/** A staff request that cannot be done as asked (bad input, wrong state, not allowed). */
export class StaffActionError extends Error {
  override name = 'StaffActionError';
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    /** Stable, machine-readable: the dashboard translates it (`error.<code>` in staff.json). */
    readonly code: string,
    message: string = code,
  ) {
    super(message);
  }
}

/** An account could not be created or changed (bad e-mail, unknown role, weak password, taken address). */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly code: 'invalid_email' | 'invalid_role' | 'weak_password' | 'email_taken' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}
