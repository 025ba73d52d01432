/**
 * Containerized Python components (kfp's target_image: the image runs kfp's executor, no embedded
 * program, no kfp install; user packages still installed) beside a lightweight one; the
 * pipeline's default root.
 */
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const source = new URL('../fixtures/options.py', import.meta.url);
const greetDecl = { name: 'greet', source, inputs: { name: z.string(), punctuation: z.string().default('!') }, outputs: { Output: z.string() } } as const;
const logDecl = { name: 'log_line', source, inputs: { line: z.string() } } as const;

const greet = pythonComponent({ ...greetDecl, baseImage: 'python:3.11', targetImage: 'registry.example.com/acme/greet:1.0' });
const greetPkgs = pythonComponent({
  ...greetDecl,
  targetImage: 'registry.example.com/acme/greet:1.1',
  packagesToInstall: ['six==1.17.0'],
  pipIndexUrls: ['https://mirror.example.com/simple'],
});
const logLine = pythonComponent({ ...logDecl, targetImage: 'registry.example.com/acme/log:2', useVenv: true });
const logPlain = pythonComponent(logDecl);

export default pipeline(
  { name: 'containerized-python', pipelineRoot: 's3://acme/pipeline-root', inputs: { name: z.string().default('world') } },
  (p, s) => {
    const hello = s.task(greet, { name: p.name });
    const again = s.task(greetPkgs, { name: hello.outputs.Output, punctuation: '?' });
    s.task(logLine, { line: again.outputs.Output });
    s.task(logPlain, { line: hello.outputs.Output });
  },
);
