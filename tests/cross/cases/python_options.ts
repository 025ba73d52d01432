/**
 * Lightweight Python component options: the default base image and kfp pin, a custom base image,
 * packages_to_install, pip index URLs with default, explicit and no trusted hosts, no kfp install,
 * a venv, kfp given by the user, kfp from a package path; a function returning a value (`Output`);
 * one function as several components (task and component names -2, -3, …); a pipeline display name.
 */
import { pipeline, pythonComponent, z, type PythonComponentOptions } from '../../../src/index.ts';

const source = new URL('../fixtures/options.py', import.meta.url);
const INDEXES = ['https://pypi.org/simple', 'https://mirror.example.com/simple'];

const greetDecl = {
  name: 'greet',
  source,
  inputs: { name: z.string(), punctuation: z.string().default('!') },
  outputs: { Output: z.string() },
} as const;
const logDecl = { name: 'log_line', source, inputs: { line: z.string() } } as const;

type Options = Omit<PythonComponentOptions<{}, {}>, 'name' | 'source' | 'inputs' | 'outputs'>;
const greetWith = (o: Options) => pythonComponent({ ...greetDecl, ...o });
const logWith = (o: Options) => pythonComponent({ ...logDecl, ...o });

const greet = greetWith({});
const greetMirrors = greetWith({ baseImage: 'python:3.12-slim', packagesToInstall: ['six==1.17.0'], pipIndexUrls: INDEXES });
const greetTrusted = greetWith({ packagesToInstall: ['six==1.17.0'], pipIndexUrls: INDEXES, pipTrustedHosts: ['mirror.example.com'] });
const greetUntrusted = greetWith({ pipIndexUrls: ['https://pypi.org/simple'], pipTrustedHosts: [] });
const fetchStatus = pythonComponent({
  name: 'fetch_status',
  source,
  inputs: { url: z.string() },
  outputs: { Output: z.int() },
  baseImage: 'python:3.11-alpine',
  packagesToInstall: ['requests==2.33.0'],
  installKfpPackage: false,
});
const logBare = logWith({ baseImage: 'registry.example.com/team/python-kfp:3.11', installKfpPackage: false });
const logVenv = logWith({ packagesToInstall: ['rich'], useVenv: true });
const logVenvOnly = logWith({ useVenv: true });
const logOwnKfp = logWith({ packagesToInstall: ['kfp==2.17.3', 'kfp-kubernetes'] });
const logKfpPath = logWith({ kfpPackagePath: 'git+https://github.com/kubeflow/pipelines.git@refs/pull/1/head#subdirectory=sdk/python' });
const logKfpReq = logWith({ kfpPackagePath: 'kfp>=2.17,<3', pipIndexUrls: ['https://pypi.org/simple'] });

export default pipeline(
  {
    name: 'python-options',
    displayName: 'Python component options',
    description: 'Base images, pip settings, kfp install modes',
    inputs: { name: z.string().default('world'), url: z.string().default('https://example.com') },
  },
  (p, s) => {
    const hello = s.task(greet, { name: p.name });
    s.task(greetMirrors, { name: hello.outputs.Output, punctuation: '?' });
    s.task(greetTrusted, { name: p.name });
    s.task(greetUntrusted, { name: p.name });
    const status = s.task(fetchStatus, { url: p.url });
    s.task(logBare, { line: hello.outputs.Output });
    s.task(logVenv, { line: hello.outputs.Output });
    s.task(logVenvOnly, { line: hello.outputs.Output });
    s.task(logOwnKfp, { line: hello.outputs.Output });
    s.task(logKfpPath, { line: hello.outputs.Output }).after(status);
    s.task(logKfpReq, { line: hello.outputs.Output });
  },
);
