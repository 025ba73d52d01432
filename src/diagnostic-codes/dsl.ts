/** Problems a pipeline body records while it runs (src/dsl): the builder never throws for them. */
export const DSL_CODES = {
  // Wrong values from plain JavaScript, refused at the call that got them (src/dsl/*-guards.ts, src/kubernetes/helper-arguments.ts).
  'dsl/wrong-value': 'a builder or configuring call got a value of the wrong kind (what it got and what it takes are in the message)',
  'dsl/fake-kfp-ts-value': 'a value looks like one kfp-ts makes (a channel, task, component, condition) but is a copy, a Proxy or hand-written',
  'dsl/not-plain-data': 'a constant holds something that is not plain data (a function, a class instance, a Map, a symbol, a bigint)',
  'dsl/cyclic-value': 'a constant refers to itself',
  'dsl/value-too-deep': 'a constant is nested deeper than kfp-ts reads',
  'dsl/value-too-large': 'a constant holds more values than kfp-ts reads',
  'dsl/unknown-option': 'an options object has a field the call does not know (a misspelling, or an option of another call)',
  'dsl/body-threw': 'the pipeline body threw an error, so what it would have added after the throw is missing',
  'dsl/empty-loop': 'parallelFor was given an empty list of literal items; kfp needs at least one',
  'dsl/exit-task-scope': "an exit handler's exit task was not created in the handler's own scope, just before it",
  'dsl/invalid-one-of': 'oneOf() got no outputs, a mix of parameters and artifacts, values that are not task outputs, or outputs of different types',
  'dsl/invalid-parallelism': 'parallelFor parallelism is not a whole number >= 0',
} as const;
