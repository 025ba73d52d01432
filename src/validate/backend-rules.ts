/**
 * Checks the KFP API server makes when a pipeline is uploaded, beyond parsing the protos
 * (kubeflow/pipelines backend/src/apiserver: template/v2_template.go and common/utils.go).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { PipelineSpec } from '../ir/index.ts';

/** The only PipelineSpec schema version the backend accepts (template.SCHEMA_VERSION_2_1_0). */
export const SUPPORTED_SCHEMA_VERSION = '2.1.0';

/**
 * The backend's ValidatePipelineName: the pipeline name becomes an MLMD context name and the
 * default pipeline (version) name. Every pipeline in the kfp 2.17 test corpus satisfies it.
 */
export const PIPELINE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;

export function checkBackendRules(spec: PipelineSpec, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const version = spec.schemaVersion;
  if (version !== SUPPORTED_SCHEMA_VERSION) {
    out.push(
      diagnostic(
        'backend/schema-version',
        'schemaVersion',
        `schemaVersion must be "${SUPPORTED_SCHEMA_VERSION}" (the only version the KFP backend accepts), ` +
          `got ${version === undefined ? 'nothing' : JSON.stringify(version)}.`,
        file,
      ),
    );
  }
  const name = spec.pipelineInfo?.name;
  if (name === undefined || name === '') {
    out.push(
      diagnostic(
        'backend/pipeline-name-missing',
        'pipelineInfo/name',
        'pipelineInfo.name is missing or empty: give the pipeline a name such as "my-pipeline".',
        file,
      ),
    );
  } else if (!PIPELINE_NAME_PATTERN.test(name)) {
    out.push(
      diagnostic(
        'backend/pipeline-name',
        'pipelineInfo/name',
        `pipelineInfo.name ${JSON.stringify(name)} is rejected by the KFP backend: use 1 to 128 lowercase ` +
          `letters, digits and "-", starting with a letter or digit (e.g. ${JSON.stringify(suggestName(name))}).`,
        file,
      ),
    );
  }
  if (spec.root === undefined) {
    out.push(diagnostic('backend/root-missing', 'root', 'The root component is missing: add `root` with the pipeline DAG.', file));
  }
  return out;
}

function suggestName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 128);
  return cleaned === '' ? 'my-pipeline' : cleaned;
}
