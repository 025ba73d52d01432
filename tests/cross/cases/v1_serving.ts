/**
 * Serving with v1 components: KServe (Bool defaults written as 'True', a String output written
 * through {outputPath} as a parameter file, task env and caching), Build dict (JsonObject
 * outputs into JsonObject inputs), and the Vertex model upload component of
 * google_cloud_pipeline_components (google.* artifact types, `concat` with several inputs, an
 * `if` on an optional artifact, `{{$}}`) fed by an importer of a custom google type. The
 * components are the modules `kfp-ts codegen` wrote for the files (fixtures/generated/).
 */
import { artifactType, ne, pipeline, z } from '../../../src/index.ts';
import { buildDict } from '../fixtures/generated/build-dict.ts';
import { serveAModelWithKserve as kserve } from '../fixtures/generated/kserve.ts';
import { modelUpload as vertexModelUpload } from '../fixtures/generated/vertex-model-upload.ts';

const VertexModel = artifactType('google.VertexModel');

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
    s.if(ne(serve.outputs.inferenceservice_status, ''), (s) => {
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
