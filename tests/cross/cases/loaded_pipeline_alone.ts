/**
 * A pipeline loaded from IR compiled on its own (kfp: `Compiler().compile(load_component_from_file(
 * 'pipeline.yaml'))`): kfp writes the loaded PipelineSpec and its platform document back as they
 * are — the root DAG stays the loaded pipeline's, nothing is wrapped in a one-task pipeline.
 */
import { readFileSync } from 'node:fs';
import { componentFromIrYaml, pipelineOfComponent } from '../../../src/index.ts';

export default pipelineOfComponent(componentFromIrYaml(readFileSync(new URL('../fixtures/loaded_prepare_and_train.yaml', import.meta.url), 'utf8')));

export const compileOptions = { pipelineParameters: { rows: 20 } };
