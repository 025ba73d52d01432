/**
 * Components and a pipeline loaded from compiled IR (kfp's `load_component_from_file`): a single
 * container component (its container reused, its interface read back: defaults, optional inputs,
 * an IfPresent placeholder) used twice with task settings, and a whole pipeline with kubernetes
 * settings merged in, the tasks after it getting `-2` names beside its executors.
 *
 * The loaded pipeline comes first on purpose: kfp merges its platform config after each of its
 * executors, before later ones are renamed, in protobuf map order (which varies between Python
 * processes), so a clash on an executor with kubernetes settings makes kfp's own output vary.
 */
import { readFileSync } from 'node:fs';
import { componentFromIrYaml, pipeline, z } from '../../../src/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const trainModel = componentFromIrYaml(fixture('loaded_train_model.yaml'));
const makeData = componentFromIrYaml(fixture('loaded_make_data.yaml'));
const prepareAndTrain = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));

export default pipeline({ name: 'loaded-components', inputs: { rows: z.int().default(5) } }, (p, s) => {
  const whole = s.task(prepareAndTrain, { rows: p.rows });
  const d = s.task(makeData, { rows: p.rows });
  s.task(trainModel, { data: d.outputs.data!, epochs: 3, tag: 'first' }).withEnv({ MODE: 'fast' });
  s.task(trainModel, { data: d.outputs.data!, epochs: 4, rate: whole.outputs.score! })
    .withResources({ cpuLimit: '2', memoryLimit: '4G' })
    .withCaching(false);
});
