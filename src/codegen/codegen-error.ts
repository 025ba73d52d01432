import { diagnostic, DiagnosticError, type DiagnosticCode } from '../diagnostics.ts';

/** A codegen problem as a diagnostic (`codegen/<kebab-case>`), thrown to the command that reports it. */
export class CodegenError extends DiagnosticError {
  constructor(code: DiagnosticCode, path: string, message: string, file?: string) {
    super([diagnostic(code, path, message, file)]);
    this.name = 'CodegenError';
  }
}
