/**
 * Container components run in a container, as on the cluster: with Docker or Podman, whichever
 * answers first. The pipeline root is mounted at the same path inside the container, so every
 * artifact URI, output file and executor-output path in the executor input means the same file
 * inside and out.
 */
import { execFile } from 'node:child_process';

export interface ContainerEngine {
  /** The command (`docker`, `podman`, or a path). */
  readonly command: string;
  readonly version: string;
}

/** The first engine whose server answers, or the reason none does. */
export async function detectContainerEngine(candidates: readonly string[] = ['docker', 'podman']): Promise<ContainerEngine | { readonly problem: string }> {
  const problems: string[] = [];
  for (const command of candidates) {
    const answer = await new Promise<string | { problem: string }>((resolve) => {
      execFile(command, ['version', '--format', '{{.Server.Version}}'], { timeout: 15_000 }, (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          resolve({ problem: code === 'ENOENT' ? `${command}: not installed` : `${command}: ${(stderr || err.message).trim().split('\n')[0]}` });
        } else resolve(stdout.trim());
      });
    });
    if (typeof answer === 'string' && answer !== '') return { command, version: answer };
    problems.push(typeof answer === 'string' ? `${command}: no server version` : answer.problem);
  }
  return { problem: problems.join('; ') };
}

export interface ContainerRunSpec {
  readonly name: string;
  readonly image: string;
  /** The IR's command (replaces the image's entrypoint when not empty) and args, resolved. */
  readonly command: readonly string[];
  readonly args: readonly string[];
  /** Variable names only: their values reach the engine through its own environment, never its command line. */
  readonly envNames: readonly string[];
  /** Host directories mounted at the same path (the pipeline root, the workspace). */
  readonly mounts: readonly string[];
  readonly workdir: string;
}

/** The engine's `run` arguments: the IR's command replaces the image's entrypoint, as in a pod. */
export function containerRunArgs(spec: ContainerRunSpec): string[] {
  const args = ['run', '--rm', '--name', spec.name, '-w', spec.workdir];
  for (const dir of spec.mounts) args.push('-v', `${dir}:${dir}`);
  for (const name of spec.envNames) args.push('-e', name);
  const [entrypoint, ...rest] = spec.command;
  if (entrypoint !== undefined) args.push('--entrypoint', entrypoint);
  args.push(spec.image, ...rest, ...spec.args);
  return args;
}
