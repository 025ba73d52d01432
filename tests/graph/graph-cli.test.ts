/**
 * `kfp-ts graph` as a user runs it, on the two seed pipelines (.ts, compiled first) and on corpus
 * documents kfp 2.17 wrote: the Mermaid text must parse with mermaid's own parser (mermaid's
 * bundle in headless Chromium calling `mermaid.parse`), every HTML page must draw every task in
 * headless Chromium with no network, and the monitoring pipeline's screenshot must show its task
 * boxes, none overlapping another. One Chromium renders every page, two at a time (two cores).
 */
import { spawn } from 'node:child_process';
import { recordPrintedCodes } from '../support/produced-codes.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphOfFile } from '../../src/cli/commands/graph.ts';
import { GRAPH_PAGE_SCRIPT_FILE, graphPageScript } from '../../src/cli/graph-page-script.ts';
import { taskPaths } from '../../src/graph/render-svg.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { launchChromium, type HeadlessChromium } from '../support/chromium.ts';
import { inParallel } from '../support/in-parallel.ts';
import { REPO, sharedDir } from '../support/repo.ts';

const VALID = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');
const CORPUS = [
  'hello_world.yaml',
  'artifacts_simple.yaml',
  'artifacts_complex.yaml',
  'container_io.yaml',
  'if_else_with_oneof_parameters.yaml',
  'if_elif_else_complex.yaml',
  'pipeline_with_task_final_status.yaml',
  'pipeline_as_exit_task.yaml',
  'pipeline_with_importer.yaml',
  'pipeline_with_dynamic_importer_metadata.yaml',
  'pipeline_with_nested_loops.yaml',
  'pipeline_with_parallelfor_parallelism.yaml',
  'pipeline_with_parallelfor_pipeline_param.yaml',
  'conditional_producer_and_consumers.yaml',
  'cross_loop_after_topology.yaml',
  'nested_with_parameters.yaml',
  'parameters_complex.yaml',
  'pipeline_with_task_using_ignore_upstream_failure.yaml',
  'pythonic_artifacts_with_list_of_artifacts.yaml',
  'sequential_v2.yaml',
  'parallel_and_nested/pipeline_in_pipeline_complex.yaml',
  'parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml',
  'parallel_and_nested/loop_consume_upstream.yaml',
  'parallel_and_nested/pipeline_with_loops.yaml',
].map((f) => path.join(VALID, f));
const PIPELINES = ['pipelines/monitoring_pipeline.ts', 'pipelines/tuning_pipeline.ts'].map((f) => path.join(REPO, f));
const INPUTS = [...PIPELINES, ...CORPUS];

const out = mkdtempSync(path.join(tmpdir(), 'kfp-ts-graph-'));
const shots = path.join(REPO, 'test-artifacts', 'graph');
mkdirSync(shots, { recursive: true }); // chromium --screenshot does not make the folder; a fresh checkout has none

interface Drawn {
  readonly input: string;
  readonly name: string;
  readonly mermaid: CliResult;
  readonly html: CliResult;
  readonly htmlFile: string;
  readonly tasks: string[];
}

let drawn: Drawn[] = [];
let browser: HeadlessChromium | undefined;
const chromium = () => browser ?? expect.unreachable('Chromium did not start');
/** Two at a time: the machine has two cores. */
const CORES = 2;
/** The page has drawn its graph, or given up (the tests check which). */
const GRAPH_SETTLED = "['ready', 'error'].includes(document.getElementById('graph')?.dataset.state)";

/** `kfp-ts graph …` in a child process, without blocking the others. */
function cli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'kfp-ts.js'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => {
      recordPrintedCodes(stdout, stderr);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

function nameOf(input: string): string {
  return path.relative(path.dirname(path.dirname(input)), input).replace(/[/.]/g, '_');
}

beforeAll(async () => {
  const started = launchChromium();
  drawn = await inParallel(
    CORES,
    INPUTS.map((input) => async (): Promise<Drawn> => {
      const name = nameOf(input);
      const htmlFile = path.join(out, `${name}.html`);
      const [mermaid, html] = [await cli(['graph', input]), await cli(['graph', input, '-o', htmlFile])];
      const { graph } = await graphOfFile(input);
      return { input, name, mermaid, html, htmlFile, tasks: graph ? taskPaths(graph) : [] };
    }),
  );
  browser = await started;
  console.log(`kfp-ts graph: ${drawn.filter((d) => d.mermaid.code === 0 && d.html.code === 0).length}/${INPUTS.length} documents drawn (${PIPELINES.length} seed pipelines, ${CORPUS.length} corpus documents)`);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('kfp-ts graph', () => {
  it('GIVEN the seed pipelines and corpus documents WHEN drawn THEN each gives Mermaid on stdout and a self-contained page', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
    expect(drawn).toHaveLength(INPUTS.length);
    for (const d of drawn) {
      expect(d.mermaid, d.input).toMatchObject({ code: 0, stderr: '' });
      expect(d.mermaid.stdout, d.input).toMatch(/^---\ntitle: .*\n---\nflowchart TB\n/);
      expect(d.html, d.input).toMatchObject({ code: 0, stdout: `wrote ${d.htmlFile}\n` });
      expect(d.tasks.length, d.input).toBeGreaterThan(0);
      const page = readFileSync(d.htmlFile, 'utf8');
      // Nothing from the network: no src= or href= at all, the layout library inline.
      expect(page, d.input).not.toMatch(/<(script|link|img)[^>]*\s(src|href)=/i);
      expect(page, d.input).toContain('<script type="application/json" id="graph-data">');
      expect(page, d.input).toContain('org.eclipse.elk');
      expect(page, d.input).toContain('SPDX-License-Identifier: EPL-2.0');
    }
  });

  it('GIVEN the command run from the sources (tests, tsx) THEN its page script is the one the package build wrote for the CLI bundle', async () => {
    // The integration project's global setup built dist/ from these sources; esbuild is deterministic.
    const fromSources = await graphPageScript();
    expect(fromSources).toBe(readFileSync(path.join(REPO, 'dist', GRAPH_PAGE_SCRIPT_FILE), 'utf8'));
    expect(fromSources).toContain('SPDX-License-Identifier: EPL-2.0');
  });

  it("GIVEN every Mermaid text WHEN given to mermaid's own parser THEN it parses (and a broken one does not)", async () => {
    const texts = [...drawn.map((d) => ({ name: d.name, text: d.mermaid.stdout })), { name: 'broken', text: 'flowchart TB\n  a -->|"x| b\n  subgraph\n' }];
    const mermaidJs = pathToFileURL(path.join(REPO, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')).href;
    const checker = path.join(out, 'mermaid-parse.html');
    writeFileSync(
      checker,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${mermaidJs}"></script></head><body>` +
        `<script type="application/json" id="texts">${JSON.stringify(texts).replace(/</g, '\\u003c')}</script>` +
        `<script>(async () => {
          mermaid.initialize({ startOnLoad: false });
          const results = {};
          for (const t of JSON.parse(document.getElementById('texts').textContent)) {
            try { await mermaid.parse(t.text); results[t.name] = 'ok'; }
            catch (e) { results[t.name] = String((e && e.message) || e).slice(0, 300); }
          }
          document.body.setAttribute('data-results', encodeURIComponent(JSON.stringify(results)));
        })();</script></body></html>`,
    );
    const dom = await chromium().render(pathToFileURL(checker).href, { until: "document.body.hasAttribute('data-results')" });
    const encoded = /data-results="([^"]*)"/.exec(dom)?.[1];
    expect(encoded, 'mermaid ran in the page').toBeDefined();
    const results = JSON.parse(decodeURIComponent(encoded!)) as Record<string, string>;
    expect(results.broken).not.toBe('ok');
    const failed = Object.entries(results).filter(([name, r]) => name !== 'broken' && r !== 'ok');
    expect(failed).toEqual([]);
    expect(Object.keys(results)).toHaveLength(INPUTS.length + 1);
  });

  it('GIVEN every page WHEN rendered in headless Chromium with every pipeline expanded THEN every task has its node', async () => {
    const doms = await inParallel(
      CORES,
      drawn.map((d) => () => chromium().render(`${pathToFileURL(d.htmlFile).href}#expand-all`, { until: GRAPH_SETTLED })),
    );
    for (const [i, d] of drawn.entries()) {
      const dom = doms[i]!;
      expect(dom, d.input).toMatch(/<div id="graph" data-state="ready">/);
      const nodes = [...dom.matchAll(/<g class="node task[^"]*" data-id="[^"]*" data-path="([^"]*)"/g)].map((m) => m[1]);
      expect(nodes.sort(), d.input).toEqual([...d.tasks].sort());
    }
  });

  it('GIVEN a page with a nested pipeline WHEN rendered as opened THEN the pipeline is one node until expanded', async () => {
    const d = drawn.find((x) => x.input.endsWith('pipeline_in_pipeline_complex.yaml'))!;
    const dom = await chromium().render(pathToFileURL(d.htmlFile).href, { until: GRAPH_SETTLED });
    expect(dom).toMatch(/<div id="graph" data-state="ready">/);
    expect(dom).toMatch(/<g class="node pipeline collapsed" data-id="n\d+" data-path="for-loop-2\/inner-pipeline"[^>]*data-toggle="expand"/);
    expect(dom).not.toContain('data-path="for-loop-2/inner-pipeline/print-op1"');
  });

  it('GIVEN the monitoring pipeline page WHEN screenshotted THEN every task box is visible and none overlaps another', async () => {
    const d = drawn.find((x) => x.input.endsWith('monitoring_pipeline.ts'))!;
    // A copy that records where the drawing is on the page once it is drawn.
    const probe = path.join(out, 'monitoring-probe.html');
    writeFileSync(
      probe,
      readFileSync(d.htmlFile, 'utf8').replace(
        '</body>',
        `<script>const t = setInterval(() => { const svg = document.querySelector('#graph[data-state="ready"] svg'); if (!svg) return;
          clearInterval(t); const r = svg.getBoundingClientRect(); document.body.setAttribute('data-svg-origin', r.left + ',' + r.top); }, 20);</script></body>`,
      ),
    );
    const shot = path.join(shots, 'monitoring_pipeline.png');
    mkdirSync(shots, { recursive: true });
    rmSync(shot, { force: true });
    const dom = await chromium().render(pathToFileURL(probe).href, { until: "document.body.hasAttribute('data-svg-origin')", windowSize: [1200, 1000], screenshot: shot });
    const [ox, oy] = /data-svg-origin="([^"]*)"/.exec(dom)![1]!.split(',').map(Number) as [number, number];
    const boxes = [...dom.matchAll(/<g class="node task[^"]*" data-id="[^"]*" data-path="([^"]*)" data-box="([^"]*)"/g)].map((m) => ({
      path: m[1]!,
      box: m[2]!.split(',').map(Number) as [number, number, number, number],
    }));
    expect(boxes.map((b) => b.path).sort()).toEqual(['condition-1/check-and-alert', 'generate-comparison-report', 'ingest-data', 'train-model', 'validate-data']);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.box[0] + a.box[2] <= b.box[0] || b.box[0] + b.box[2] <= a.box[0] || a.box[1] + a.box[3] <= b.box[1] || b.box[1] + b.box[3] <= a.box[1];
        expect(apart, `${a.path} overlaps ${b.path}`).toBe(true);
      }
    expect(statSync(shot).size).toBeGreaterThan(5000);
    const png = PNG.sync.read(readFileSync(shot));
    const pixel = (x: number, y: number) => {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    const near = (p: number[], q: number[]) => p.every((v, k) => Math.abs(v - q[k]!) <= 12);
    const TASK_FILL = [0xe8, 0xf0, 0xfe];
    for (const { path: p, box } of boxes) {
      const [x, y, w, h] = [ox + box[0], oy + box[1], box[2], box[3]];
      expect(x + w <= png.width && y + h <= png.height, `${p} is inside the screenshot`).toBe(true);
      expect(near(pixel(x + 8, y + 8), TASK_FILL), `${p}: its box is drawn at ${x},${y}`).toBe(true);
      expect(near(pixel(x + w - 8, y + h - 8), TASK_FILL), `${p}: its box is drawn to ${x + w},${y + h}`).toBe(true);
      expect(near(pixel(x - 6, y + h / 2), TASK_FILL), `${p}: the box ends at its border`).toBe(false);
    }
  });
});

describe('kfp-ts graph, bad input', () => {
  it('GIVEN an output file that is neither .html nor .mmd WHEN run THEN it is a command-line error', () => {
    const r = runCli(['graph', PIPELINES[0]!, '-o', path.join(out, 'graph.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --output: the output file must end in \.html \(the page\) or \.mmd \(Mermaid text\), not .*graph\.png \[cli\/output-extension\]$/m);
  });

  it('GIVEN a missing file or a document that is not a pipeline WHEN run THEN it fails clearly and leaves the output alone', () => {
    const target = path.join(out, 'kept.mmd');
    writeFileSync(target, 'before\n');
    const missing = runCli(['graph', path.join(out, 'nope.yaml'), '-o', target]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    expect(missing.stderr).toContain('[cli/unreadable]');
    const notIr = path.join(out, 'not-ir.yaml');
    writeFileSync(notIr, 'apiVersion: v1\nkind: ConfigMap\n');
    const wrong = runCli(['graph', notIr, '-o', target]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[graph/unreadable-ir]');
    expect(wrong.stderr).toContain(`${target} was not written.`);
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN -o with .mmd WHEN run THEN the file holds the same Mermaid text as stdout', () => {
    const target = path.join(out, 'tuning.mmd');
    const r = runCli(['graph', PIPELINES[1]!, '-o', target]);
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(drawn.find((d) => d.input === PIPELINES[1])!.mermaid.stdout);
  });
});
