import { Option } from 'commander';

/**
 * A flag that may be given several times (`--param a=1 --param b=2`); its value is the list in the
 * order given, undefined when the flag is absent. It has no default value on purpose: commander
 * would print an empty list's default, `(default: [])`, in --help.
 *
 * @example cmd.addOption(repeatableOption('--param <name=value>', 'a pipeline parameter; repeat for several'))
 */
export function repeatableOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser(append);
}

function append(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
