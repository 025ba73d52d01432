/**
 * Importer metadata with run-time keys (kfp's `metadata={task.output: ...}`): [key, value] entries
 * at the top, a Map inside a dict, an f-string key, a key repeated (first place, last value), int
 * and runtime-placeholder values.
 */
import { Dataset, pipeline, runtime, str, z, type ImporterMetadataKey, type ImporterMetadataValue } from '../../../src/index.ts';
import { pickImage, rollDie } from '../fixtures/work-components.ts';

export default pipeline(
  { name: 'importer-metadata-keys', inputs: { run: z.string().default('r1'), tag: z.string().default('v1'), shards: z.int().default(4) } },
  (p, s) => {
    const image = s.task(pickImage, { flavour: p.tag });
    const die = s.task(rollDie, { sides: p.shards });
    s.importer({
      artifactUri: p.run,
      artifactType: Dataset,
      metadata: [
        [p.run, image.outputs.Output],
        ['rolled', die.outputs.Output],
        [image.outputs.Output, [p.tag, p.shards, 'fixed']],
        [str`${p.tag}-key`, { job: runtime.pipelineJobName, where: str`${runtime.workspacePath}/${p.run}` }],
        [
          'nested',
          {
            inner: new Map<ImporterMetadataKey, ImporterMetadataValue>([
              [p.tag, 1],
              ['plain', p.shards],
            ]),
          },
        ],
        [p.run, p.tag],
      ],
    });
    s.importer({
      artifactUri: 'gs://acme/fixed',
      artifactType: Dataset,
      reimport: true,
      metadata: new Map<ImporterMetadataKey, ImporterMetadataValue>([[p.tag, p.run]]),
    });
  },
);
