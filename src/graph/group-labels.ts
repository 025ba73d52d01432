import type { PipelineTaskSpec } from '../ir/index.ts';

const CHANNEL_PREFIX = /^pipelinechannel--/;
const MAX_LIST_TEXT = 48;

/** kfp prefixes every value passed into a group with `pipelinechannel--`; labels show the name. */
export function stripChannelPrefix(name: string): string {
  return name.replace(CHANNEL_PREFIX, '');
}

/**
 * A condition's CEL text as the pipeline author wrote it: kfp writes
 * `inputs.parameter_values['pipelinechannel--slack_webhook'] != ''`, shown as `if slack_webhook != ''`.
 */
export function conditionLabel(condition: string | undefined): string {
  if (typeof condition !== 'string' || condition.trim() === '') return 'condition';
  const text = condition.replace(/inputs\.parameter_values\[(['"])(.*?)\1\]/g, (_m, _q: string, name: string) => stripChannelPrefix(name));
  return `if ${text}`;
}

/** `for each item in <list>`: a literal list, or the input (a pipeline parameter, a task output) it iterates. */
export function loopLabel(task: PipelineTaskSpec): string {
  const items = task.parameterIterator?.items;
  let source: string;
  if (typeof items?.raw === 'string') source = items.raw.length > MAX_LIST_TEXT ? `${items.raw.slice(0, MAX_LIST_TEXT - 1)}…` : items.raw;
  else if (typeof items?.inputParameter === 'string') source = stripChannelPrefix(items.inputParameter);
  else if (typeof task.artifactIterator?.items?.inputArtifact === 'string') source = stripChannelPrefix(task.artifactIterator.items.inputArtifact);
  else source = '…';
  const limit = task.iteratorPolicy?.parallelismLimit;
  return `for each in ${source}${typeof limit === 'number' && limit > 0 ? ` (parallelism ${limit})` : ''}`;
}
