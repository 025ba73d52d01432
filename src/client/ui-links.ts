/**
 * Links into the KFP UI. Where the UI lives is a guess from the API host unless given: a Kubeflow
 * install serves the API at `<origin>/pipeline` and the UI inside the central dashboard at
 * `<origin>/_/pipeline/`; a standalone install (or a port-forward to ml-pipeline-ui) serves both
 * from the same address.
 */
export function uiBaseUrl(apiHost: URL, uiUrl?: string): string {
  if (uiUrl !== undefined && uiUrl.trim() !== '') return uiUrl.trim().replace(/\/+$/, '');
  const path = apiHost.pathname.replace(/\/+$/, '');
  if (path.endsWith('/pipeline')) return `${apiHost.origin}${path.slice(0, -'/pipeline'.length)}/_/pipeline`;
  return `${apiHost.origin}${path}`;
}

/** The KFP UI page of a pipeline version. */
export function pipelineVersionLink(base: string, pipelineId: string, versionId: string): string {
  return `${base}/#/pipelines/details/${pipelineId}/version/${versionId}`;
}

/** The KFP UI page of a run. */
export function runLink(base: string, runId: string): string {
  return `${base}/#/runs/details/${runId}`;
}

/** The KFP UI page of an experiment. */
export function experimentLink(base: string, experimentId: string): string {
  return `${base}/#/experiments/details/${experimentId}`;
}
