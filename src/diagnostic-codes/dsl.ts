/** Problems a pipeline body records while it runs (src/dsl): the builder never throws for them. */
export const DSL_CODES = {
  'dsl/body-threw': 'the pipeline body threw an error, so what it would have added after the throw is missing',
  'dsl/empty-loop': 'parallelFor was given an empty list of literal items; kfp needs at least one',
  'dsl/exit-task-scope': "an exit handler's exit task was not created in the handler's own scope, just before it",
  'dsl/invalid-one-of': 'oneOf() got no outputs, a mix of parameters and artifacts, values that are not task outputs, or outputs of different types',
  'dsl/invalid-parallelism': 'parallelFor parallelism is not a whole number >= 0',
} as const;
