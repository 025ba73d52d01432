import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { diagnostic, hasErrors, type Diagnostic } from '../../diagnostics.ts';
import { buildGraph } from '../../graph/build-graph.ts';
import type { PipelineGraph } from '../../graph/graph-model.ts';
import { toHtmlPage } from '../../graph/html-page.ts';
import { readPipelineSpec } from '../../ir/index.ts';
import { toMermaid } from '../../graph/mermaid.ts';
import { parseYamlDocuments } from '../../yaml/yaml-documents.ts';
import { compilePipelineFile } from '../compile-file.ts';
import { EXIT_USER_ERROR, exitCodeFor } from '../exit-codes.ts';
import { reportDiagnostics } from '../report.ts';
import { writeFileAtomic } from '../write-atomic.ts';

interface GraphFlags {
  output?: string;
  function?: string;
}

type Format = 'html' | 'mermaid';

function formatOf(file: string): Format | undefined {
  if (/\.html?$/i.test(file)) return 'html';
  if (/\.(mmd|mermaid)$/i.test(file)) return 'mermaid';
  return undefined;
}

function readProblem(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return diagnostic('cli/unreadable', '(file)', `Cannot read ${file}: ${reason}.`, file);
}

/** The IR text of the input: a `.ts` pipeline is compiled first; anything else is read as IR YAML (or JSON). */
async function irText(file: string, functionName: string | undefined): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  if (/\.[cm]?ts$/.test(file)) {
    const compiled = await compilePipelineFile(file, functionName ? { functionName } : {});
    return compiled.yamlText === undefined ? { diagnostics: compiled.diagnostics } : { text: compiled.yamlText, diagnostics: compiled.diagnostics };
  }
  try {
    return { text: await readFile(file, 'utf8'), diagnostics: [] };
  } catch (err) {
    return { diagnostics: [readProblem(file, err)] };
  }
}

/** Reads a pipeline file into its graph; every problem is a diagnostic. */
export async function graphOfFile(file: string, functionName?: string): Promise<{ graph?: PipelineGraph; diagnostics: Diagnostic[] }> {
  const source = await irText(file, functionName);
  if (source.text === undefined) return { diagnostics: source.diagnostics };
  const parsed = parseYamlDocuments(source.text, file);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: [...source.diagnostics, ...parsed.diagnostics] };
  // The first document is the PipelineSpec; a second one (`platforms:`) does not change the DAG.
  const built = buildGraph(readPipelineSpec(parsed.docs[0]), file);
  return { ...(built.graph ? { graph: built.graph } : {}), diagnostics: [...source.diagnostics, ...built.diagnostics] };
}

export function register(program: Command): void {
  program
    .command('graph')
    .description("Draw a pipeline's DAG: Mermaid text, or a self-contained HTML page (SVG, nested pipelines expandable).")
    .argument('<file>', 'a pipeline (.ts, compiled first) or any compiled pipeline file (.yaml, .yml, .json), kfp-written too')
    .option('-o, --output <file>', 'write to this file: .html for the page, .mmd for Mermaid (default: Mermaid on stdout)')
    .option('--function <name>', 'the pipeline or component to draw, when a .ts file exports several')
    .action(async (file: string, flags: GraphFlags) => {
      const format = flags.output === undefined ? 'mermaid' : formatOf(flags.output);
      if (format === undefined) {
        const wrong = [diagnostic('cli/output-extension', ['--output'], `the output file must end in .html (the page) or .mmd (Mermaid text), not ${flags.output}`)];
        reportDiagnostics(wrong);
        process.exitCode = exitCodeFor(wrong);
        return;
      }
      const { graph, diagnostics } = await graphOfFile(file, flags.function);
      if (graph === undefined || hasErrors(diagnostics)) {
        reportDiagnostics(diagnostics);
        if (flags.output) process.stderr.write(`${flags.output} was not written.\n`);
        process.exitCode = EXIT_USER_ERROR;
        return;
      }
      let text: string;
      if (format === 'html') {
        // Only a page needs the page script (about 1.5 MB, elkjs inside): read only for one.
        const { graphPageScript } = await import('../graph-page-script.ts');
        let script: string;
        try {
          script = await graphPageScript();
        } catch (err) {
          reportDiagnostics([
            diagnostic('graph/page-script-unavailable', '(page script)', `Cannot load the graph page's script: ${(err as Error).message}. Reinstall kfp-ts (in a clone of kfp-ts: npm run build).`),
          ]);
          process.stderr.write(`${flags.output} was not written.\n`);
          process.exitCode = EXIT_USER_ERROR;
          return;
        }
        text = toHtmlPage(graph, script);
      } else {
        text = toMermaid(graph);
      }
      reportDiagnostics(diagnostics);
      if (flags.output === undefined) {
        process.stdout.write(text);
        return;
      }
      try {
        await writeFileAtomic(flags.output, text);
      } catch (err) {
        reportDiagnostics([diagnostic('cli/write-failed', flags.output, `cannot write ${flags.output}: ${(err as Error).message}`)]);
        process.exitCode = EXIT_USER_ERROR;
        return;
      }
      process.stdout.write(`wrote ${path.normalize(flags.output)}\n`);
    });
}
