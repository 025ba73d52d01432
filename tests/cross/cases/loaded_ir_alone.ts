/** A component loaded from IR (kfp's `load_component_from_file`) compiled on its own. */
import { readFileSync } from 'node:fs';
import { componentFromIrYaml, pipelineOfComponent } from '../../../src/index.ts';

export default pipelineOfComponent(componentFromIrYaml(readFileSync(new URL('../fixtures/loaded_train_model.yaml', import.meta.url), 'utf8')));
