/**
 * Puts the guide's example files into the pages that show them, so a page never shows code that
 * the test suite did not compile. In README.md and docs/*.md, a block
 *
 *     <!-- example: loops.ts -->
 *     ```ts
 *     …
 *     ```
 *     <!-- /example -->
 *
 * holds the text of docs/examples/loops.ts. `--check` changes nothing and exits 1 when a page is
 * out of date or names a file that does not exist (the test suite runs it so).
 *
 * Usage: node --import tsx scripts/docs-examples.ts [--check]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(REPO, 'docs', 'examples');
const BLOCK = /<!-- example: (\S+) -->\n[\s\S]*?<!-- \/example -->/g;

function fence(file: string, text: string): string {
  const lang = file.endsWith('.py') ? 'python' : file.endsWith('.ts') ? 'ts' : '';
  return `\`\`\`${lang}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\``;
}

/** The pages that may include examples: the README and every page of the guide. */
export async function pages(): Promise<string[]> {
  const docs = (await readdir(path.join(REPO, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => path.join(REPO, 'docs', f));
  return [path.join(REPO, 'README.md'), ...docs.sort()];
}

/** A page with its example blocks filled from the files; the names of files it includes; missing ones. */
export async function render(page: string): Promise<{ text: string; included: string[]; missing: string[] }> {
  const original = await readFile(page, 'utf8');
  const included: string[] = [];
  const missing: string[] = [];
  const files = new Map<string, string>();
  for (const m of original.matchAll(BLOCK)) {
    const name = m[1]!;
    included.push(name);
    const file = path.join(EXAMPLES, name);
    if (existsSync(file)) files.set(name, await readFile(file, 'utf8'));
    else missing.push(name);
  }
  const text = original.replace(BLOCK, (whole, name: string) => {
    const content = files.get(name);
    return content === undefined ? whole : `<!-- example: ${name} -->\n${fence(name, content)}\n<!-- /example -->`;
  });
  return { text, included, missing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const problems: string[] = [];
  for (const page of await pages()) {
    const { text, missing } = await render(page);
    const rel = path.relative(REPO, page);
    for (const m of missing) problems.push(`${rel}: includes docs/examples/${m}, which does not exist`);
    if (text === (await readFile(page, 'utf8'))) continue;
    if (check) problems.push(`${rel}: out of date with docs/examples; run \`node --import tsx scripts/docs-examples.ts\``);
    else {
      await writeFile(page, text);
      console.log(`updated ${rel}`);
    }
  }
  for (const p of problems) console.error(p);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
