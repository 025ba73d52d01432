/**
 * A nested pipeline's optional inputs (kfp's nested_pipeline_opt_inputs_*): inputs with and
 * without defaults, passed from the parent or left unset, forwarded to components' optional
 * inputs; kubernetes settings on the task of a nested pipeline whose executor clashes with the
 * parent's (renamed `-2`, `-3`, its platform config moving with it).
 *
 * The pipeline with kubernetes settings has one executor on purpose: kfp merges the whole inner
 * platform config after each inner executor, before later ones are renamed, and iterates them in
 * protobuf map order, which varies between Python processes; with several executors and a clash
 * kfp's own output is not deterministic.
 */
import { containerComponent, kubernetes, pipeline, z } from '../../../src/index.ts';

const intDefault = containerComponent({
  name: 'component_int_default',
  inputs: { componentInput: z.int().default(0) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.componentInput] }),
});
const nilStr = containerComponent({
  name: 'component_nil_str_default',
  inputs: { componentInput: z.string().optional() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.componentInput] }),
});
const boolDefault = containerComponent({
  name: 'component_bool_default',
  inputs: { componentInput: z.boolean().default(false) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.componentInput] }),
});

const nested = pipeline(
  {
    name: 'nested-pipeline-defaults',
    inputs: { nestedInputInt: z.int().optional(), nestedInputStr: z.string().default('Input - nested pipeline'), nestedInputBool: z.boolean().optional() },
  },
  (p, s) => {
    s.task(nilStr, { componentInput: p.nestedInputStr });
    s.task(intDefault, { componentInput: p.nestedInputInt });
    s.task(boolDefault, { componentInput: p.nestedInputBool });
  },
);

const nestedK8s = pipeline({ name: 'nested-k8s', inputs: { count: z.int() } }, (p, s) => {
  kubernetes.addNodeSelector(s.task(intDefault, { componentInput: p.count }), { labelKey: 'disktype', labelValue: 'ssd' });
});

export default pipeline(
  { name: 'nested-optional-inputs', inputs: { inputInt: z.int().default(1), inputStr: z.string().default('Input - parent pipeline') } },
  (p, s) => {
    kubernetes.addNodeSelector(s.task(intDefault, {}), { labelKey: 'pool', labelValue: 'parent' });
    s.task(nested, { nestedInputInt: p.inputInt, nestedInputStr: p.inputStr, nestedInputBool: true });
    s.task(nested, {});
    s.task(nestedK8s, { count: p.inputInt });
    s.task(nestedK8s, { count: 5 });
  },
);
