/** Loading the user's pipeline file and writing the compiled one (src/project, `kfp-ts compile`, `validate`). */
export const PROJECT_CODES = {
  'compile/not-a-pipeline': 'compileToYaml() was given something that is not a pipeline kfp-ts made (or its built node)',
  'cli/file-missing': 'the pipeline file does not exist',
  'cli/not-a-file': 'the path given as the pipeline file is not a file',
  'cli/module-unreadable': 'the pipeline file could not be bundled (a syntax error, an import that cannot be resolved)',
  'cli/module-threw': 'importing the pipeline file threw an error',
  'cli/no-pipeline': 'the file exports no pipeline or component',
  'cli/no-such-pipeline': 'no export matches --function',
  'cli/ambiguous-pipeline': 'the file exports several pipelines (or components) and --function picks none',
  'cli/unreadable': 'a file given to validate could not be read',
  'cli/not-compiled': 'validate was given a pipeline source (.ts); compile it first',
  'cli/not-a-pipeline-source': 'compile was given a compiled pipeline instead of the .ts file that defines it',
  'cli/unsupported-zod': 'the pipeline file bundles a zod version kfp-ts does not support (kfp-ts needs zod 4)',
  'cli/invalid-option': "a flag's value does not parse (compile --pipeline-parameters), or a flag needs another that was not given (codegen --check without -o)",
  'cli/output-extension': 'the -o, --output file name does not end in an extension the command writes (compile: .yaml/.yml; graph: .html/.mmd)',
  'cli/write-failed': 'the output file could not be written',
  'emit/lone-surrogate': 'a string holds a lone UTF-16 surrogate, which no YAML file can carry (nothing is written)',
} as const;
