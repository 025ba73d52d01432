// corpus: valid/critical/pipeline_with_submit_request.yaml — the golden was compiled from an
// older .py (default base image python:3.11, no ubi9 image): the port follows the golden.
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const submitRequest = pythonComponent({
  name: 'submit_request',
  source: { code: 'def submit_request(url: str):\n    print(url)\n' },
  inputs: { url: z.string() },
  packagesToInstall: ['requests'],
});

export default pipeline(
  { name: 'pipeline-with-external-request', description: 'A pipeline that requests both in-cluster & external URLs.' },
  (_p, s) => {
    s.task(submitRequest, { url: 'httpbin.org/get' }).withCaching(false);
    s.task(submitRequest, { url: 'ml-pipeline:8888/apis/v2beta1/healthz' }).withCaching(false);
  },
);
