// One error type for everything a user can be told about. `kind` decides the CLI exit code and how Slack
// words it; `userMessage` is the one plain sentence a reporter sees (never a stack trace).

export type ErrorKind = 'usage' | 'policy' | 'fetch' | 'extract' | 'analysis' | 'config';

export class NewsdeskError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable reason, e.g. 'private_address', 'too_large', 'http_404'. */
    readonly code: string,
    /** One sentence for the person who pasted the link. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'NewsdeskError';
  }
}

/** A URL the bot will not open (private address, odd scheme, credentials, port…). CLI exit 3. */
export class PolicyError extends NewsdeskError {
  constructor(code: string, userMessage: string, options?: { cause?: unknown }) {
    super('policy', code, userMessage, options);
    this.name = 'PolicyError';
  }
}

/** The site could not be read: network, HTTP status, timeout, too large, wrong content type. CLI exit 4. */
export class FetchError extends NewsdeskError {
  constructor(code: string, userMessage: string, options?: { cause?: unknown }) {
    super('fetch', code, userMessage, options);
    this.name = 'FetchError';
  }
}

/** The page was fetched but holds no article we can read. CLI exit 5. */
export class ExtractError extends NewsdeskError {
  constructor(code: string, userMessage: string, options?: { cause?: unknown }) {
    super('extract', code, userMessage, options);
    this.name = 'ExtractError';
  }
}

export function isNewsdeskError(err: unknown): err is NewsdeskError {
  return err instanceof NewsdeskError;
}
