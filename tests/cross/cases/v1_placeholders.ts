/**
 * kfp's v1 loader rules in one synthetic file (fixtures/v1_placeholders.yaml): every placeholder
 * (inputValue/Path/Uri, outputPath as a parameter file and as an artifact path, outputUri,
 * executorInput, concat with an `if` inside, `if` with single and list `then`/`else`), the
 * container's env with a task's env after it, and the type and default rules (a float default of
 * a String input printed by Python, 'True'/yes booleans, JSON text of JsonObject/JsonArray kept
 * as text for `typing.List[str]`, int() truncating 2.9, a mapping type and no type as
 * system.Artifact, google.* types, an optional artifact with a default); a v1 exit task with a
 * PipelineTaskFinalStatus input (fixtures/v1_report_status.yaml).
 */
import { Artifact, Dataset, Model, containerComponent, loadComponentFromFile, output, pipeline, z } from '../../../src/index.ts';

const everyPlaceholder = loadComponentFromFile(new URL('../fixtures/v1_placeholders.yaml', import.meta.url));
const reportStatus = loadComponentFromFile(new URL('../fixtures/v1_report_status.yaml', import.meta.url));
const make = containerComponent({
  name: 'make',
  outputs: { model: output(Model), data: output(Dataset), blob: output(Artifact) },
  implementation: ({ outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'echo > "$0"; echo > "$1"; echo > "$2"'],
    args: [outputs.model.path, outputs.data.path, outputs.blob.path],
  }),
});

export default pipeline({ name: 'v1-placeholders', inputs: { text: z.string().default('hi') } }, (p, s) => {
  const made = s.task(make, {});
  s.exitHandler(s.task(reportStatus, { channel: '#alerts' }), (s) => {
    const first = s
      .task(everyPlaceholder, { input_text: p.text, untyped: made.outputs.model, vertex: made.outputs.blob, mapping_type: made.outputs.data, optional_data: made.outputs.data })
      .withEnv({ MODE: 'slow' });
    s.task(everyPlaceholder, {
      untyped: first.outputs.out_model,
      vertex: first.outputs.out_any,
      mapping_type: first.outputs.out_metrics,
      model_with_default: first.outputs.out_model,
      count: first.outputs.out_int,
      input_text: first.outputs.out_text,
    });
  });
});
