import type { InputDecls, OutputDecls } from './io.ts';
import type { PipelineNode } from './nodes.ts';

/** A defined pipeline. Its body runs when it is built (by the compiler's caller), not on import. */
export interface Pipeline<I extends InputDecls = InputDecls, O extends OutputDecls = OutputDecls> {
  readonly kind: 'pipelineHandle';
  readonly name: string;
  /** Runs the body (once) and returns the frozen node tree. Never throws: problems are recorded. */
  build(): PipelineNode;
  readonly __inputs?: I;
  readonly __outputs?: O;
}
