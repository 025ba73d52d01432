/** A lightweight Python component compiled on its own: its single `Output` becomes the pipeline's. */
import { pipelineOfComponent } from '../../../src/index.ts';
import { double } from '../fixtures/work-components.ts';

export default pipelineOfComponent(double);
