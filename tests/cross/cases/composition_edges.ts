/**
 * Pipelines as components at the edges: a nested pipeline returning a LIST (a task with a pod
 * label inside it) iterated by a ParallelFor of the outer pipeline, both inside an exit handler;
 * a nested pipeline that uses the workspace path (kfp wants a workspace in its own config too;
 * the outer pipeline's workspace is the one written).
 */
import { kubernetes, pipeline, pythonComponent, runtime, z } from '../../../src/index.ts';

import { fail, notify, showNumber } from '../fixtures/work-components.ts';

const makeShards = pythonComponent({
  name: 'make_shards',
  source: new URL('../fixtures/work.py', import.meta.url),
  baseImage: 'python:3.11-slim',
  inputs: { count: z.int() },
  outputs: { Output: z.array(z.int()) },
});

const shardMaker = pipeline({ name: 'shard-maker', inputs: { count: z.int().default(2) }, outputs: { Output: z.array(z.int()) } }, (p, s) => {
  const t = kubernetes.addPodLabel(s.task(makeShards, { count: p.count }), { labelKey: 'stage', labelValue: 'shards' });
  return { Output: t.outputs.Output };
});

const workspaceUser = pipeline(
  { name: 'workspace-user', inputs: { note: z.string() }, pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '5Gi' } }) },
  (p, s) => void s.task(notify, { message: runtime.workspacePath, channel: p.note }),
);

export default pipeline(
  { name: 'composition-edges', inputs: { count: z.int().default(3) }, pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1Gi' } }) },
  (p, s) => {
    const cleanup = s.task(fail, { message: 'cleanup' });
    s.exitHandler(
      cleanup,
      (s) => {
        const shards = s.task(shardMaker, { count: p.count });
        s.parallelFor(shards.outputs.Output, (shard, s) => void s.task(showNumber, { number: shard }), { parallelism: 2 });
        s.task(workspaceUser, { note: 'ws' });
      },
      'outer',
    );
  },
);
