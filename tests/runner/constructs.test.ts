/**
 * The local runner, construct by construct, on small pipelines compiled by kfp-ts and run as
 * processes with the test venv (`venv`, no installs): each test states what the KFP backend does
 * and checks the runner does the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Dataset, collected, eq, itemField, output, pipeline, str, z, type TaskHandle } from '../../src/index.ts';
import { add, barrier, echo, fail, flaky, joinData, makeData, maybe, occupy, pairs, readData, readEnv, recordStatus, score, total } from './fixtures/components.ts';
import { TempRoot, runPipeline, states, task } from './support.ts';

const root = new TempRoot();
afterAll(() => root.remove());

describe('dependencies and parallelism', () => {
  it('runs independent tasks at the same time (each waits for the other to start), a dependent one after both', async () => {
    const folder = root.path('barrier');
    const p = pipeline({ name: 'parallel' }, (_p, s) => {
      const a = s.task(barrier, { me: 'a', other: 'b', folder });
      const b = s.task(barrier, { me: 'b', other: 'a', folder });
      s.task(echo, { message: 'after' }).after(a, b);
    });
    const r = await runPipeline(p, {}, root, { parallelism: 2 });
    expect(states(r)).toEqual({ barrier: 'SUCCEEDED', 'barrier-2': 'SUCCEEDED', echo: 'SUCCEEDED' });
    expect(Date.parse(task(r, 'echo').startedAt!)).toBeGreaterThanOrEqual(Date.parse(task(r, 'barrier').finishedAt!));
  });

  it('passes outputs downstream and skips what depends on a failed task; the run fails', async () => {
    const p = pipeline({ name: 'chain' }, (_p, s) => {
      const one = s.task(add, { a: 1, b: 2 });
      const two = s.task(add, { a: one.outputs.Output, b: 10 });
      const broken = s.task(fail, { message: 'boom' }).after(two);
      s.task(echo, { message: 'never' }).after(broken);
    });
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('FAILED');
    expect(task(r, 'add-2').outputs?.parameters).toEqual({ Output: 13 });
    expect(task(r, 'fail')).toMatchObject({ state: 'FAILED', message: 'exited with code 1' });
    expect(task(r, 'echo')).toMatchObject({ state: 'SKIPPED', skipReason: 'upstream' });
  });
});

describe('conditions', () => {
  const p = pipeline({ name: 'branches', inputs: { n: z.int() }, outputs: { Output: z.string() } }, (p, s) => {
    const sum = s.task(add, { a: p.n, b: 1 });
    const picks: TaskHandle<{ Output: z.ZodString }>[] = [];
    s.if(eq(sum.outputs.Output, 2), (s) => void picks.push(s.task(echo, { message: 'two' })))
      .elif(eq(sum.outputs.Output, 3), (s) => void picks.push(s.task(echo, { message: 'three' })))
      .else((s) => void picks.push(s.task(echo, { message: 'other' })));
    const [two, three, other] = picks as [TaskHandle<{ Output: z.ZodString }>, TaskHandle<{ Output: z.ZodString }>, TaskHandle<{ Output: z.ZodString }>];
    return { Output: s.oneOf(two.outputs.Output, three.outputs.Output, other.outputs.Output) };
  });

  it.each([
    [1, 'two'],
    [2, 'three'],
    [7, 'other'],
  ])('If/Elif/Else on a task output evaluated in CEL; OneOf is the branch that ran (n=%i → %s)', async (n, expected) => {
    const r = await runPipeline(p, { n }, root);
    expect(r.state).toBe('SUCCEEDED');
    expect(r.outputs.parameters).toEqual({ Output: expected });
    const ran = r.tasks.filter((t) => t.kind === 'condition' && t.state === 'SUCCEEDED');
    expect(ran).toHaveLength(1);
    const skipped = r.tasks.filter((t) => t.kind === 'condition' && t.state === 'SKIPPED');
    expect(skipped.map((t) => t.skipReason)).toEqual(['condition', 'condition']);
  });
});

describe('loops', () => {
  it('runs at most `parallelism` iterations at once, and collects int outputs as ints', async () => {
    const folder = root.path('occupy');
    const p = pipeline({ name: 'loop-limit', outputs: { Output: z.int() } }, (_p, s) => {
      const each = s.parallelFor([0, 1, 2, 3], (i, s) => s.task(occupy, { folder, index: i }), { parallelism: 2 });
      const peak = s.task(total, { numbers: collected(each.outputs.Output) });
      return { Output: peak.outputs.Output };
    });
    const r = await runPipeline(p, {}, root, { parallelism: 4 });
    expect(r.state).toBe('SUCCEEDED');
    const peaks = [0, 1, 2, 3].map((i) => Number(readFileSync(`${folder}/peak-${i}`, 'utf8')));
    expect(Math.max(...peaks)).toBeLessThanOrEqual(2);
    expect(r.tasks.find((t) => t.kind === 'loop')).toMatchObject({ state: 'SUCCEEDED', iterations: 4 });
    // total() refuses floats: the collected list kept the ints.
    expect(typeof r.outputs.parameters['Output']).toBe('number');
  });

  it('loops over literal dicts, reads item fields, nests a loop, and collects in iteration order', async () => {
    const p = pipeline({ name: 'loop-fields', outputs: { Output: z.int() } }, (_p, s) => {
      const sums = s.parallelFor(
        [
          { a: 1, b: 10 },
          { a: 2, b: 20 },
        ],
        (item, s) => {
          const ab = s.task(add, { a: itemField(item, 'a') as never, b: itemField(item, 'b') as never });
          return s.parallelFor([100, 200], (c, s) => s.task(add, { a: ab.outputs.Output, b: c }));
        },
      );
      // collected() is typed as kfp's SDK types it, a list per loop level (number[][]); the backend
      // hands the task one flat list, which is what this test checks, so the input is cast.
      const t = s.task(total, { numbers: collected(sums.outputs.Output) as never });
      return { Output: t.outputs.Output };
    });
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('SUCCEEDED');
    // 11+100, 11+200, 22+100, 22+200
    expect(r.outputs.parameters).toEqual({ Output: 666 });
    // Collected over both loops, flattened in iteration order, as the backend collects.
    const totalInput = JSON.parse(readFileSync(`${task(r, 'total').dir}/executor_input.json`, 'utf8'));
    expect(totalInput.inputs.parameterValues.numbers).toEqual([111, 211, 122, 222]);
  });

  it('loops over a pipeline parameter and over a task output of dicts (item fields), and collects parameters and artifacts', async () => {
    const p = pipeline({ name: 'loop-sources', inputs: { ns: z.array(z.int()) }, outputs: { fromParam: z.int(), fromOutput: z.int(), joined: z.string() } }, (p, s) => {
      const overParam = s.parallelFor(p.ns, (n, s) => s.task(add, { a: n, b: 1 }));
      const made = s.task(pairs, { n: 2 });
      const overOutput = s.parallelFor(made.outputs.Output, (item, s) => s.task(add, { a: itemField(item, 'a'), b: itemField(item, 'b') }));
      const datas = s.parallelFor(p.ns, (n, s) => s.task(makeData, { text: str`item-${n}` }));
      return {
        fromParam: s.task(total, { numbers: collected(overParam.outputs.Output) }).outputs.Output,
        fromOutput: s.task(total, { numbers: collected(overOutput.outputs.Output) }).outputs.Output,
        joined: s.task(joinData, { datas: collected(datas.outputs.data) }).outputs.Output,
      };
    });
    const r = await runPipeline(p, { ns: [1, 2, 3] }, root);
    expect(r.state).toBe('SUCCEEDED');
    // (1+1)+(2+1)+(3+1); (1+10)+(2+20) — total() refuses anything but ints; artifacts joined in iteration order.
    expect(r.outputs.parameters).toEqual({ fromParam: 9, fromOutput: 33, joined: 'item-1,item-2,item-3' });
    expect(r.tasks.filter((t) => t.kind === 'loop').map((t) => t.iterations)).toEqual([3, 2, 3]);
  });

  it('a failing task inside a loop inside an exit handler: the loop fails, the exit task runs with state FAILED, the run fails', async () => {
    const out = root.path('status.json');
    const p = pipeline({ name: 'loop-exit' }, (_p, s) => {
      const report = s.task(recordStatus, { out });
      s.exitHandler(report, (s) => {
        s.parallelFor(['ok', 'bad'], (m, s) => {
          const e = s.task(echo, { message: m });
          s.if(eq(e.outputs.Output, 'bad'), (s) => void s.task(fail, { message: 'bad item' }));
        });
      });
    });
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('FAILED');
    expect(task(r, 'exit-handler-1')).toMatchObject({ state: 'FAILED' });
    const loop = r.tasks.find((t) => t.kind === 'loop')!;
    expect(loop).toMatchObject({ state: 'FAILED', iterations: 2 });
    const conditions = r.tasks.filter((t) => t.kind === 'condition').sort((a, b) => a.path.localeCompare(b.path));
    expect(conditions.map((t) => [t.path.slice(loop.path.length), t.state])).toEqual([
      [`/0/${conditions[0]!.name}`, 'SKIPPED'],
      [`/1/${conditions[1]!.name}`, 'FAILED'],
    ]);
    expect(r.tasks.find((t) => t.name === 'fail' && t.path.startsWith(`${loop.path}/1/`))).toMatchObject({ state: 'FAILED', message: 'exited with code 1' });
    expect(task(r, 'record-status').state).toBe('SUCCEEDED');
    // The backend's PipelineTaskFinalStatus.state is the group's ML Metadata state.
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ state: 'FAILED', task: 'exit-handler-1' });
  });
});

describe('failure handling', () => {
  it('retries a failing task as its retry policy says; the second attempt succeeds', async () => {
    const counter = root.path('flaky-counter');
    const p = pipeline({ name: 'retry' }, (_p, s) => void s.task(flaky, { counter }).withRetry({ maxRetryCount: 2, backoffDuration: '0s' }));
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('SUCCEEDED');
    expect(task(r, 'flaky')).toMatchObject({ state: 'SUCCEEDED', attempts: 2, outputs: { parameters: { Output: 'succeeded on attempt 2' } } });
    expect(readFileSync(task(r, 'flaky').logFile!, 'utf8')).toMatch(/attempt 1[\s\S]*fails on purpose[\s\S]*attempt 2/);
  });

  it('gives up after maxRetryCount retries', async () => {
    const p = pipeline({ name: 'retry-out' }, (_p, s) => void s.task(fail, { message: 'always' }).withRetry({ maxRetryCount: 1, backoffDuration: '0s' }));
    const r = await runPipeline(p, {}, root);
    expect(task(r, 'fail')).toMatchObject({ state: 'FAILED', attempts: 2 });
  });

  it('an ignore-upstream-failure task runs after a failed upstream and gets its input default; a sibling not yet ready is not started', async () => {
    const p = pipeline({ name: 'ignore-failure' }, (_p, s) => {
      const broken = s.task(fail, { message: 'boom' });
      s.task(maybe, {}).after(broken).ignoreUpstreamFailure();
      const slow = s.task(echo, { message: 'x' }).after(broken);
      s.task(echo, { message: 'later' }).after(slow);
    });
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('FAILED');
    expect(task(r, 'maybe')).toMatchObject({ state: 'SUCCEEDED', outputs: { parameters: { Output: 'default' } } });
    expect(task(r, 'echo')).toMatchObject({ state: 'SKIPPED', skipReason: 'upstream' });
  });

  it('after a task fails, tasks that become ready later in the same DAG are not started (Argo failFast), tasks ready before run', async () => {
    const p = pipeline({ name: 'fail-fast' }, (_p, s) => {
      s.task(fail, { message: 'boom' });
      const slow = s.task(flaky, { counter: root.path('never-read') }).withRetry({ maxRetryCount: 1, backoffDuration: '1s' });
      s.task(echo, { message: 'ready after the failure' }).after(slow);
    });
    const r = await runPipeline(p, {}, root);
    // flaky was ready at the start (no dependencies): it runs to the end, retry included.
    expect(task(r, 'flaky').state).toBe('SUCCEEDED');
    expect(task(r, 'echo')).toMatchObject({ state: 'SKIPPED', skipReason: 'fail-fast' });
  });
});

describe('composition, artifacts, env', () => {
  it('a nested pipeline with an artifact output feeds a task; metrics and pipeline outputs come back', async () => {
    const inner = pipeline({ name: 'inner', inputs: { text: z.string() }, outputs: { data: output(Dataset) } }, (p, s) => {
      const made = s.task(makeData, { text: p.text });
      return { data: made.outputs.data };
    });
    const p = pipeline({ name: 'outer', outputs: { Output: z.string() } }, (_p, s) => {
      const i = s.task(inner, { text: 'hello' });
      s.task(score, { value: 0.75 });
      return { Output: s.task(readData, { data: i.outputs.data }).outputs.Output };
    });
    const r = await runPipeline(p, {}, root);
    expect(r.state).toBe('SUCCEEDED');
    expect(r.outputs.parameters).toEqual({ Output: 'hello|5' });
    expect(task(r, 'score').outputs?.artifacts['metrics']?.[0]?.metadata).toEqual({ score: 0.75 });
    const data = task(r, 'inner/make-data').outputs?.artifacts['data']?.[0];
    expect(data?.uri.startsWith(r.runDir)).toBe(true);
    expect(existsSync(data!.uri)).toBe(true);
  });

  it('sets the task env from the IR, and secrets only from what the caller passes', async () => {
    const { useSecretAsEnv } = await import('../../src/kubernetes/index.ts');
    const p = pipeline({ name: 'env', outputs: { Output: z.string() } }, (_p, s) => {
      const plain = s.task(readEnv, { name: 'GREETING' }).withEnv({ GREETING: 'hi' });
      const secret = useSecretAsEnv(s.task(readEnv, { name: 'TOKEN' }), { secretName: 'creds', secretKeyToEnv: { token: 'TOKEN' } }).after(plain);
      return { Output: secret.outputs.Output };
    });
    const r = await runPipeline(p, {}, root, { secrets: { creds: { token: 's3cr3t' } }, env: { ...process.env, TOKEN: 'from-the-shell' } });
    expect(task(r, 'read-env').outputs?.parameters).toEqual({ Output: 'hi' });
    expect(r.outputs.parameters).toEqual({ Output: 's3cr3t' });
    await expect(runPipeline(p, {}, root)).rejects.toThrow(/runner\/secret-missing/);
  });
});

describe('caching', () => {
  it('a second run with the same inputs is a cache hit; other inputs, --disable-caching and a task with caching off are not', async () => {
    const p = pipeline({ name: 'cached', inputs: { n: z.int() } }, (p, s) => {
      const a = s.task(add, { a: p.n, b: 1 });
      s.task(add, { a: a.outputs.Output, b: 1 });
      s.task(echo, { message: 'never cached' }).withCaching(false);
    });
    const opts = { disableCaching: false };
    const first = await runPipeline(p, { n: 1 }, root, opts);
    const second = await runPipeline(p, { n: 1 }, root, opts);
    expect(states(first)).toEqual({ add: 'SUCCEEDED', 'add-2': 'SUCCEEDED', echo: 'SUCCEEDED' });
    expect(states(second)).toEqual({ add: 'CACHED', 'add-2': 'CACHED', echo: 'SUCCEEDED' });
    expect(task(second, 'add-2').outputs).toEqual(task(first, 'add-2').outputs);
    // n=5: no earlier task had these inputs (with n=2, add(2, 1) would hit add-2's entry from the first run, as on the backend).
    const other = await runPipeline(p, { n: 5 }, root, opts);
    expect(states(other)).toEqual({ add: 'SUCCEEDED', 'add-2': 'SUCCEEDED', echo: 'SUCCEEDED' });
    const off = await runPipeline(p, { n: 1 }, root, { disableCaching: true });
    expect(states(off)).toEqual({ add: 'SUCCEEDED', 'add-2': 'SUCCEEDED', echo: 'SUCCEEDED' });
  });
});
