/**
 * Compiles schemas/pipeline-spec.schema.json and schemas/platform-spec.schema.json with ajv's
 * standalone code generation into src/validate/generated/ir-validators.js.
 *
 * Why a committed generated module: compiling these schemas with ajv at run time costs several
 * hundred milliseconds, far beyond the compiler CLI's budget; loading the generated code costs a few.
 *
 *   npx tsx scripts/schema/build-validators.ts          # rewrite the generated module
 *   npx tsx scripts/schema/build-validators.ts --check  # exit 1 if it is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildValidatorSource, GENERATED_MODULE, GENERATED_TYPES, generatedTypes } from './validator-source.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const outputs: Array<[string, string]> = [
    [GENERATED_MODULE, buildValidatorSource(repoRoot)],
    [GENERATED_TYPES, generatedTypes()],
  ];
  const stale: string[] = [];
  for (const [rel, text] of outputs) {
    const file = repoRoot + rel;
    if (check) {
      let current: string | undefined;
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== text) stale.push(rel);
    } else {
      writeFileSync(file, text);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(`stale (run npx tsx scripts/schema/build-validators.ts): ${stale.join(', ')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
