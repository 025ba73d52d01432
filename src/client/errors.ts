import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';

/**
 * Stable codes for everything that can go wrong talking to Kubeflow Pipelines (documented in the
 * registry, src/diagnostic-codes/client.ts). The CLI and tests switch on these, never on message text.
 */
export type KfpErrorCode = Extract<DiagnosticCode, `client/${string}`>;

export interface KfpErrorInit {
  readonly code: KfpErrorCode;
  /** What went wrong and how to fix it. Never contains a secret. */
  readonly message: string;
  /** The API operation, e.g. `UploadPipeline`, used as the diagnostic path. */
  readonly operation?: string;
  readonly status?: number;
  /** The server's own error text (googleRpcStatus.message or the upload server's error_message), redacted. */
  readonly serverMessage?: string;
  /**
   * True when a non-idempotent request may have been applied even though it failed (the connection
   * dropped after the request was sent, or a gateway timed out).
   */
  readonly uncertain?: boolean;
}

/** A failure talking to KFP, carried as data: a stable code, the operation as path, and a fixable message. */
export class KfpError extends Error {
  readonly code: KfpErrorCode;
  readonly operation: string;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly uncertain: boolean;
  /** The failure as a diagnostic, the operation as its path. */
  readonly diagnostic: Diagnostic;

  constructor(init: KfpErrorInit) {
    super(init.message);
    this.name = 'KfpError';
    this.code = init.code;
    this.operation = init.operation ?? 'client';
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.uncertain = init.uncertain ?? false;
    this.diagnostic = diagnostic(init.code, [this.operation], init.message);
  }

  /** The error as a diagnostic (code, path = the API operation, message). */
  toDiagnostic(): Diagnostic {
    return this.diagnostic;
  }
}

/** Whether `err` is a {@link KfpError}. */
export function isKfpError(err: unknown): err is KfpError {
  return err instanceof KfpError;
}
