/**
 * Serving with v1 components: KServe (Bool defaults written as 'True', a String output written
 * through {outputPath} as a parameter file, task env and caching), Build dict (JsonObject
 * outputs into JsonObject inputs), and the Vertex model upload component of
 * google_cloud_pipeline_components (google.* artifact types, `concat` with several inputs, an
 * `if` on an optional artifact, `{{$}}`) fed by an importer of a custom google type.
 */
import { artifactType, input, loadComponentFromFile, ne, output, pipeline, z } from '../../../src/index.ts';
import { v1File } from '../fixtures/v1-components.ts';

const VertexModel = artifactType('google.VertexModel');
const Struct = z.record(z.string(), z.unknown());

const buildDict = loadComponentFromFile(v1File('build_dict'), {
  inputs: {
    key_1: z.string().optional(),
    value_1: Struct.optional(),
    key_2: z.string().optional(),
    value_2: Struct.optional(),
    key_3: z.string().optional(),
    value_3: Struct.optional(),
    key_4: z.string().optional(),
    value_4: Struct.optional(),
    key_5: z.string().optional(),
    value_5: Struct.optional(),
  },
  outputs: { output: Struct },
});
// Untyped (19 inputs); codegen writes its declarations (see the codegen tests).
const kserve = loadComponentFromFile(v1File('kserve'));
const vertexModelUpload = loadComponentFromFile(v1File('vertex_model_upload'), {
  inputs: {
    project: z.string(),
    location: z.string().default('us-central1'),
    display_name: z.string(),
    description: z.string().default(''),
    unmanaged_container_model: input(artifactType('google.UnmanagedContainerModel'), { optional: true }),
    encryption_spec_key_name: z.string().default(''),
    labels: Struct.default({}),
    parent_model: input(VertexModel, { optional: true }),
  },
  outputs: { model: output(VertexModel), gcp_resources: z.string() },
});

export default pipeline(
  {
    name: 'v1-serving',
    inputs: { model_uri: z.string().default('gs://acme/models/tips'), namespace: z.string().default('models'), istio: z.boolean().default(false) },
  },
  (p, s) => {
    const spec = s.task(buildDict, { key_1: 'framework', value_1: { name: 'xgboost', version: 2 } });
    const wrapped = s.task(buildDict, { key_1: 'spec', value_1: spec.outputs.output, key_2: 'replicas', value_2: { min: 1 } });
    const serve = s
      .task(kserve, {
        action: 'apply',
        model_name: 'tips',
        model_uri: p.model_uri,
        namespace: p.namespace,
        framework: 'xgboost',
        enable_istio_sidecar: p.istio,
        custom_model_spec: '{}',
      })
      .withEnv({ LOG_LEVEL: 'debug' })
      .withCaching(false)
      .after(wrapped);
    s.if(ne(serve.outputs.inferenceservice_status as never, ''), (s) => {
      const parent = s.importer({
        artifactUri: 'https://us-central1-aiplatform.googleapis.com/v1/projects/acme/locations/us-central1/models/1',
        artifactType: VertexModel,
        metadata: { resourceName: 'projects/acme/locations/us-central1/models/1' },
      });
      s.task(vertexModelUpload, { project: 'acme', display_name: 'tips', parent_model: parent.outputs.artifact, labels: { team: 'ml' } });
    });
    s.task(vertexModelUpload, { project: 'acme', location: 'europe-west4', display_name: 'tips-eu', description: 'first upload' });
  },
);
