/**
 * The text a user reads, as kfp 2.17.3 writes it: dependentTasks in sorted order whatever the
 * order the dependencies were declared in, the header's type names and Python-printed defaults,
 * and numbers the IR holds as doubles written as PyYAML writes a float.
 *
 * The expected texts are kfp 2.17.3's for the twins quoted in each test (compiled with the venv's
 * kfp); tests/cross checks the same for every cross case against kfp at test time.
 */
import { describe, expect, it } from 'vitest';
import { containerComponent, eq, pipeline, z } from '../../src/index.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { compileOk, echo } from './support.ts';

const step = (name: string) => containerComponent({ name, implementation: () => ({ image: 'alpine', command: ['true'] }) });
const zeta = step('zeta');
const mid = step('mid');
const alpha = step('alpha');

/** The lines of `text` from the one that is `start` (trimmed) through the next `count` lines. */
function linesFrom(text: string, start: string, count: number): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === start);
  expect(at, `no line ${start}`).toBeGreaterThanOrEqual(0);
  return lines.slice(at, at + 1 + count).map((l) => l.trim());
}

describe('dependentTasks', () => {
  it('GIVEN a task after zeta, mid and alpha (in that order) WHEN compiled and emitted THEN its dependentTasks read alpha, mid, zeta', () => {
    // kfp: t = echo(x='x').after(z, m, a) writes dependentTasks sorted.
    const p = pipeline({ name: 'deps' }, (_p, s) => {
      const z = s.task(zeta, {});
      const m = s.task(mid, {});
      const a = s.task(alpha, {});
      s.task(echo, { x: 'x' }).after(z, m, a);
    });
    const spec = compileOk(p);
    expect(spec.root.dag.tasks.echo.dependentTasks).toEqual(['alpha', 'mid', 'zeta']);
    expect(linesFrom(emitPipelineYaml(spec), 'dependentTasks:', 3)).toEqual(['dependentTasks:', '- alpha', '- mid', '- zeta']);
  });

  it('GIVEN a condition group whose tasks wait for zeta then alpha WHEN compiled THEN the group task depends on alpha, zeta', () => {
    const p = pipeline({ name: 'group-deps', inputs: { go: z.boolean().default(true) } }, (p, s) => {
      const z = s.task(zeta, {});
      const a = s.task(alpha, {});
      s.if(eq(p.go, true), (s) => void s.task(echo, { x: 'x' }).after(z, a));
    });
    const spec = compileOk(p);
    expect(spec.root.dag.tasks['condition-1'].dependentTasks).toEqual(['alpha', 'zeta']);
  });
});

describe("the header and the doubles, as kfp writes them", () => {
  //   @dsl.pipeline(name='texts')
  //   def texts(cfg: dict = {'k': -2}, tiny: float = 1.024e-06, big: float = 1e16, neg: float = -2.0,
  //             n: int = 3, ratio: float = 0.5):
  //       echo(x='a').set_retry(num_retries=2, backoff_factor=2).set_cpu_limit('2')
  const texts = pipeline(
    {
      name: 'texts',
      inputs: {
        cfg: z.record(z.string(), z.any()).default({ k: -2 }),
        tiny: z.number().default(1.024e-6),
        big: z.number().default(1e16),
        neg: z.number().default(-2),
        n: z.int().default(3),
        ratio: z.number().default(0.5),
      },
    },
    (_p, s) => void s.task(echo, { x: 'a' }).withRetry({ maxRetryCount: 2, backoffFactor: 2 }).withResources({ cpuLimit: '2' }),
  );
  const text = emitPipelineYaml(compileOk(texts));

  it("GIVEN every kind of default WHEN emitted THEN the header is kfp's: type names (dict, float, int) and Python's str() of each default", () => {
    expect(text.slice(0, text.indexOf('components:'))).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: texts',
        '# Inputs:',
        '#    big: float [Default: 1e+16]',
        "#    cfg: dict [Default: {'k': -2.0}]",
        '#    n: int [Default: 3.0]',
        '#    neg: float [Default: -2.0]',
        '#    ratio: float [Default: 0.5]',
        '#    tiny: float [Default: 1.024e-06]',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN doubles in retry, resources and defaults WHEN emitted THEN each reads as PyYAML writes a float', () => {
    expect(linesFrom(text, 'retryPolicy:', 4)).toEqual(['retryPolicy:', 'backoffDuration: 0s', 'backoffFactor: 2.0', 'backoffMaxDuration: 3600s', 'maxRetryCount: 2']);
    expect(text).toContain('\n          cpuLimit: 2.0\n');
    const defaults = [...text.slice(text.indexOf('\nroot:')).matchAll(/defaultValue: (.+)|^ +k: (.+)$/gm)].map((m) => m[1] ?? `k: ${m[2]}`);
    expect(defaults).toEqual(['1.0e+16', 'k: -2.0', '3.0', '-2.0', '0.5', '1.024e-06']);
  });
});
