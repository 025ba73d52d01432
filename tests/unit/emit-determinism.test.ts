/**
 * Same input, same bytes; and the kfp header comment block at the top of the file.
 * The expected header is the one kfp 2.17.3 wrote for the Python twin of the pipeline below.
 */
import { describe, expect, it, vi } from 'vitest';
import { containerComponent, Dataset, input, kubernetes, Model, output, pipeline, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { headerComment } from '../../src/emit/header.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import monitoring from '../../pipelines/monitoring_pipeline.ts';
import { compileOk, echo, fit, make } from './support.ts';

describe('determinism', () => {
  it('compiles the monitoring pipeline to identical bytes twice, and from a second build', async () => {
    // GIVEN the example pipeline (Python sources read from src/components)
    // WHEN it is compiled twice from one build, and once from a fresh definition's build
    const first = await compileToYaml(monitoring.build());
    const second = await compileToYaml(monitoring.build());
    vi.resetModules();
    const { default: again } = await import('../../pipelines/monitoring_pipeline.ts');
    expect(again).not.toBe(monitoring);
    const third = await compileToYaml(again.build());
    // THEN there are no diagnostics and the three texts are byte-for-byte equal
    expect(first.diagnostics).toEqual([]);
    expect(first.yamlText).toBeDefined();
    expect(second.yamlText).toBe(first.yamlText);
    expect(third.yamlText).toBe(first.yamlText);
  });

  it('writes keys sorted and dependentTasks sorted, whatever the declaration order', () => {
    // GIVEN a task that runs after three others, given in reverse alphabetical order
    const p = pipeline({ name: 'sorted', inputs: { zeta: z.string(), alpha: z.string() } }, (p, s) => {
      const c = s.task(echo, { x: p.zeta }).withDisplayName('c');
      const b = s.task(make, {});
      const a = s.task(fit, { data: b.outputs.data, n: 1 });
      s.task(echo, { x: p.alpha }).after(c, a, b);
    });
    const spec = compileOk(p);
    // THEN dependentTasks is sorted
    expect(spec.root.dag.tasks['echo-2'].dependentTasks).toEqual(['echo', 'fit', 'make']);
    // and every mapping in the YAML has its keys in sorted order
    const yaml = emitPipelineYaml(spec);
    const topLevel = yaml.split('\n').filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.replace(/:.*/, ''));
    expect(topLevel).toEqual(['components', 'deploymentSpec', 'pipelineInfo', 'root', 'schemaVersion', 'sdkVersion']);
    const rootInputs = yaml.slice(yaml.indexOf('\nroot:'));
    expect(rootInputs.indexOf('      alpha:')).toBeLessThan(rootInputs.indexOf('      zeta:'));
  });

  it('writes no timestamps, random ids or absolute paths of this machine', () => {
    const spec = compileOk(pipeline({ name: 'plain' }, (_p, s) => void s.task(echo, {})), { sdkVersion: 'kfp-ts-test' });
    const text = emitPipelineYaml(spec);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(text).not.toContain(process.cwd());
    expect(spec.sdkVersion).toBe('kfp-ts-test');
  });
});

describe('the YAML header comment', () => {
  const art = containerComponent({
    name: 'art',
    outputs: { m: output(Model) },
    implementation: ({ outputs }) => ({ image: 'alpine', command: ['touch', outputs.m.path] }),
  });

  it("is kfp's block: name, multi-line description, inputs sorted with Python-style defaults, outputs", () => {
    // GIVEN the twin of kfp's
    //   @dsl.pipeline(name='hdr', description='First line.\nSecond line.')
    //   def hdr(n: int = 100, text: str = "it's", flag: bool = True, ratio: float = 0.5,
    //           items: list = [1, 'a', True, 2.5], req: str = 'x', data: Input[Dataset] = None,
    //           z_none: str = '') -> Model
    const p = pipeline(
      {
        name: 'hdr',
        description: 'First line.\nSecond line.',
        inputs: {
          n: z.int().default(100),
          text: z.string().default("it's"),
          flag: z.boolean().default(true),
          ratio: z.number().default(0.5),
          items: z.array(z.any()).default([1, 'a', true, 2.5]),
          req: z.string().default('x'),
          data: input(Dataset, { optional: true }),
          z_none: z.string().default(''),
        },
        outputs: { Output: output(Model) },
      },
      (_p, s) => ({ Output: s.task(art, {}).outputs.m }),
    );
    // WHEN compiled and emitted
    const text = emitPipelineYaml(compileOk(p));
    // THEN the file starts with kfp's header, line for line
    expect(text.slice(0, text.indexOf('components:'))).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: hdr',
        '# Description: First line.',
        '#              Second line.',
        '# Inputs:',
        '#    data: system.Dataset',
        '#    flag: bool [Default: True]',
        "#    items: list [Default: [1.0, 'a', True, 2.5]]",
        '#    n: int [Default: 100.0]',
        '#    ratio: float [Default: 0.5]',
        "#    req: str [Default: 'x']",
        "#    text: str [Default: 'it's']",
        "#    z_none: str [Default: '']",
        '# Outputs:',
        '#    Output: system.Model',
        '',
      ].join('\n'),
    );
  });

  it("keeps every value on its comment line: kfp's text where a value is safe, escapes where it is not", () => {
    // GIVEN a description with every line break Python's splitlines() knows and control characters,
    // and defaults kfp would write raw across lines
    const p = pipeline(
      {
        name: 'hdr-escapes',
        description: 'one\r\ntwo\u2028three\x85four\x1b[0m\ttab',
        inputs: {
          evil: z.string().default('x\ndefaultPipelineRoot: s3://attacker/x #'),
          quote: z.string().default("it's \u2029"),
          items: z.array(z.any()).default(['a\nb', "c'd"]),
          plain: z.string().default('a \\ b'),
        },
      },
      (_p, s) => void s.task(art, {}),
    );
    // WHEN emitted
    const text = emitPipelineYaml(compileOk(p));
    // THEN no value leaves its comment line, and safe values are written as kfp writes them
    expect(text.slice(0, text.indexOf('components:'))).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: hdr-escapes',
        '# Description: one',
        '#              two',
        '#              three',
        '#              four\\x1b[0m\\ttab',
        '# Inputs:',
        "#    evil: str [Default: 'x\\ndefaultPipelineRoot: s3://attacker/x #']",
        "#    items: list [Default: ['a\\nb', \"c'd\"]]",
        "#    plain: str [Default: 'a \\ b']",
        '#    quote: str [Default: "it\'s \\u2029"]',
        '',
      ].join('\n'),
    );
  });

  it('has only the name line when there is no description, input or output', () => {
    const spec = compileOk(pipeline({ name: 'bare' }, (_p, s) => void s.task(art, {})));
    expect(headerComment(spec)).toBe('# PIPELINE DEFINITION\n# Name: bare\n');
  });

  it('is followed by the platform document after a --- separator when kfp-kubernetes settings are used', () => {
    const p = pipeline({ name: 'k8s' }, (_p, s) => void kubernetes.addNodeSelector(s.task(art, {}), { labelKey: 'pool', labelValue: 'gpu' }));
    const r = compilePipeline(p.build());
    const text = emitPipelineYaml(r.pipelineSpec!, r.platformSpec);
    expect(text.startsWith('# PIPELINE DEFINITION\n# Name: k8s\ncomponents:')).toBe(true);
    expect(text.split('\n---\n')).toHaveLength(2);
    expect(text.split('\n---\n')[1]!.startsWith('platforms:\n  kubernetes:\n')).toBe(true);
  });
});
