/**
 * A v1 component compiled on its own (kfp's `Compiler().compile(load_component_from_file(…))`):
 * unlike a component loaded from v2 IR, kfp compiles it like any container component, a
 * pipeline of one task named after it.
 */
import { loadComponentFromFile, pipelineOfComponent } from '../../../src/index.ts';
import { v1File } from '../fixtures/v1-components.ts';

export default pipelineOfComponent(loadComponentFromFile(v1File('xgboost_train')));
