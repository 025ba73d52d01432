import type { KfpClient } from '../client/kfp-client.ts';
import type { KfpErrorCode } from '../client/errors.ts';
import { diagnostic } from '../diagnostics.ts';
import { failWith, withKfpClient, type CommandIo, type ConnectionFlags, type ResolvedConnection } from './connection.ts';

export interface ResourceRef {
  readonly kind: string;
  /** The id given as the argument, if any. */
  readonly id: string | undefined;
  /** The name given with --name, if any. */
  readonly name: string | undefined;
  /** The command group, for diagnostic codes (`experiments/not-found`). */
  readonly command: 'experiments' | 'pipelines';
}

/** Checks that exactly one of the id argument and --name was given; prints a usage error (exit 2) otherwise. */
export function refGiven(io: CommandIo, ref: ResourceRef): boolean {
  if ((ref.id === undefined) !== (ref.name === undefined)) return true;
  failWith(io, [diagnostic('cli/id-or-name', ref.id !== undefined ? ['--name'] : [], `Give the ${ref.kind} id, or --name with its name${ref.id !== undefined ? ', not both' : ''}.`)]);
  return false;
}

/**
 * The id of the resource an argument or --name designates; a name is looked up (names are unique
 * per namespace). Prints a not-found error and returns undefined when there is no such name.
 */
export async function resolveId(io: CommandIo, ref: ResourceRef, findByName: (name: string) => Promise<string | undefined>, namespace?: string): Promise<string | undefined> {
  if (ref.id !== undefined) return ref.id;
  const id = await findByName(ref.name!);
  if (id === undefined) {
    failWith(io, [diagnostic(`${ref.command}/not-found`, '--name', `There is no ${ref.kind} named "${ref.name}"${namespace ? ` in namespace ${namespace}` : ''}.`)]);
  }
  return id;
}

/** The hint printed under a 404 for a command that names one resource. */
export function notFoundHint(kind: string, id: string | undefined, listCommand: string): string {
  return `No ${kind}${id !== undefined ? ` has the id ${id}` : ' of that id exists'} on this server (it may have been deleted, or live in another namespace: --namespace). List them with \`kfp-ts ${listCommand}\`.`;
}

/**
 * A command on one resource: checks that the id or --name was given, connects, finds the id of a
 * name with `idOfName` (in the connection's namespace), then runs `body` with it. Each problem on
 * the way is reported as `refGiven`, `resolveId` and `withKfpClient` report it; `hints` are printed
 * under the server's errors.
 */
export async function withResourceId(
  io: CommandIo,
  flags: ConnectionFlags,
  ref: ResourceRef,
  idOfName: (kfp: KfpClient, name: string, namespace: string | undefined) => Promise<string | undefined>,
  body: (ctx: { readonly kfp: KfpClient; readonly connection: ResolvedConnection; readonly id: string }) => Promise<void>,
  hints: Readonly<Partial<Record<KfpErrorCode, string>>> = {},
): Promise<void> {
  if (!refGiven(io, ref)) return;
  await withKfpClient(
    io,
    flags,
    async ({ kfp, connection }) => {
      const id = await resolveId(io, ref, (name) => idOfName(kfp, name, connection.namespace), connection.namespace);
      if (id !== undefined) await body({ kfp, connection, id });
    },
    hints,
  );
}
