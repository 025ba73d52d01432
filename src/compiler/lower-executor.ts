import type { ContainerImplementation, PythonImplementation } from '../dsl/component-node.ts';
import type { CommandLineElement, PlaceholderRef } from '../dsl/placeholders.ts';
import type { JsonObject, JsonValue, PipelineContainerSpec } from '../ir/index.ts';
import { pythonJsonDumps, pythonRepr } from './python-json.ts';

// The text kfp's @dsl.component puts in front of every lightweight component's command.
const INSTALL_SCRIPT_HEAD = `
if ! [ -x "$(command -v pip)" ]; then
    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip
fi

PIP_DISABLE_PIP_VERSION_CHECK=1 `;
const VENV_SCRIPT = `
export PIP_DISABLE_PIP_VERSION_CHECK=1
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv" --system-site-packages
. "$tmp/venv/bin/activate"
`;
const PROGRAM_SCRIPT =
  'program_path=$(mktemp -d)\n\nprintf "%s" "$0" > "$program_path/ephemeral_component.py"\n' +
  '_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main' +
  '                         --component_module_path' +
  '                         "$program_path/ephemeral_component.py"' +
  '                         "$@"\n';
const IMPORTS = ['import kfp', 'from kfp import dsl', 'from kfp.dsl import *', 'from typing import *'];

function indexUrlOptions(impl: PythonImplementation): string {
  const [first, ...extra] = impl.pipIndexUrls;
  if (first === undefined) return '';
  const opts = [`--index-url ${first}`, ...extra.map((u) => `--extra-index-url ${u}`)];
  if (impl.pipTrustedHosts === undefined) opts.push(`--trusted-host ${first}`, ...extra.map((u) => `--trusted-host ${u}`));
  else opts.push(...impl.pipTrustedHosts.map((h) => `--trusted-host ${h}`));
  return opts.join(' ') + ' ';
}

function pipInstall(parts: readonly string[], options: string): string {
  return `python3 -m pip install --quiet --no-warn-script-location ${options}${parts.map(pythonRepr).join(' ')}`;
}

/** The `sh -c` install prefix kfp writes, or nothing when there is nothing to install. */
function installCommand(impl: PythonImplementation, kfpVersion: string): string[] {
  const kfpInUserPackages = impl.packagesToInstall.some((p) => p.startsWith('kfp'));
  // A target image already holds kfp (it was built with it), so kfp is not installed then.
  const injectKfp = impl.installKfpPackage && impl.targetImage === undefined && !kfpInUserPackages;
  if (!injectKfp && impl.packagesToInstall.length === 0) return [];
  const options = indexUrlOptions(impl);
  const parts: string[] = [];
  if (impl.packagesToInstall.length > 0) {
    parts.push(pipInstall(impl.packagesToInstall, options));
    if (injectKfp) parts.push(' && ');
  }
  if (injectKfp) {
    if (impl.useVenv) parts.push(VENV_SCRIPT);
    if (impl.kfpPackagePath !== undefined) {
      // kfp also adds --no-deps when the path exists on the compiling machine; the compiler reads
      // no files, so only pull-request URLs get it here.
      const noDeps = impl.kfpPackagePath.includes('@refs/pull/') ? ['--no-deps'] : [];
      parts.push(pipInstall([impl.kfpPackagePath, ...noDeps], options));
    } else parts.push(pipInstall([`kfp==${kfpVersion}`, '--no-deps', 'typing-extensions>=3.7.4,<5; python_version<"3.9"'], options));
  }
  return ['sh', '-c', `${INSTALL_SCRIPT_HEAD}${parts.join(' ')} && "$0" "$@"\n`];
}

/** The container spec of a Python lightweight component, as `@dsl.component` writes it. */
export function pythonContainer(impl: PythonImplementation, functionText: string, kfpVersion: string, customImports: readonly string[] = [], embeddedHelper?: string): PipelineContainerSpec {
  const args = ['--executor_input', '{{$}}', '--function_to_execute', impl.functionName];
  if (impl.targetImage !== undefined)
    return { args, command: [...installCommand(impl, kfpVersion), 'python3', '-m', 'kfp.dsl.executor_main'], image: impl.targetImage };
  // An embedded asset's helper goes between the imports and the function.
  const helper = embeddedHelper === undefined ? '' : `\n\n${embeddedHelper}\n`;
  const program = `\n${[...IMPORTS, ...customImports].join('\n')}${helper}\n\n${functionText}\n`;
  return { args, command: [...installCommand(impl, kfpVersion), 'sh', '-ec', PROGRAM_SCRIPT, program], image: impl.baseImage };
}

export function placeholderText(ref: PlaceholderRef): string {
  switch (ref.kind) {
    case 'inputValue':
      return `{{$.inputs.parameters['${ref.name}']}}`;
    case 'inputPath':
      return `{{$.inputs.artifacts['${ref.name}'].path}}`;
    case 'inputUri':
      return `{{$.inputs.artifacts['${ref.name}'].uri}}`;
    case 'inputMetadata':
      return `{{$.inputs.artifacts['${ref.name}'].metadata${ref.key !== undefined ? `['${ref.key}']` : ''}}}`;
    case 'inputArtifactList':
      return `{{$.inputs.artifacts['${ref.name}']}}`;
    case 'outputPath':
      return `{{$.outputs.artifacts['${ref.name}'].path}}`;
    case 'outputUri':
      return `{{$.outputs.artifacts['${ref.name}'].uri}}`;
    case 'outputMetadata':
      return `{{$.outputs.artifacts['${ref.name}'].metadata${ref.key !== undefined ? `['${ref.key}']` : ''}}}`;
    case 'outputParameterFile':
      return `{{$.outputs.parameters['${ref.name}'].output_file}}`;
    case 'runtime':
      return ref.expression;
  }
}

/** Concat/IfPresent nest as JSON structures; everything else is its string form. */
function elementStruct(e: CommandLineElement): JsonValue {
  if (typeof e === 'string') return e;
  switch (e.kind) {
    case 'placeholder':
      return placeholderText(e.ref);
    case 'template':
      return e.parts.map((p) => (typeof p === 'string' ? p : placeholderText(p.ref))).join('');
    case 'concat':
      return { Concat: e.items.map(elementStruct) };
    case 'ifPresent': {
      const list = (v: CommandLineElement | readonly CommandLineElement[]) =>
        Array.isArray(v) ? (v as CommandLineElement[]).map(elementStruct) : elementStruct(v as CommandLineElement);
      // kfp writes Else only when it is truthy in Python: not for [] or ''.
      const withElse = e.else !== undefined && e.else !== '' && !(Array.isArray(e.else) && e.else.length === 0);
      const body: JsonObject = { InputName: e.inputName, Then: list(e.then), ...(withElse ? { Else: list(e.else) } : {}) };
      return { IfPresent: body };
    }
  }
}

export function commandLineText(e: CommandLineElement): string {
  const s = elementStruct(e);
  return typeof s === 'string' ? s : pythonJsonDumps(s);
}

export function containerOf(impl: ContainerImplementation): PipelineContainerSpec {
  return {
    image: impl.image,
    ...(impl.command.length ? { command: impl.command.map(commandLineText) } : {}),
    ...(impl.args.length ? { args: impl.args.map(commandLineText) } : {}),
    ...(impl.env && Object.keys(impl.env).length ? { env: Object.entries(impl.env).map(([name, value]) => ({ name, value })) } : {}),
  };
}
