import { Option, type Command } from 'commander';

/** What a command that prints results prints: a table for people, or JSON for scripts. */
export type OutputFormat = 'text' | 'json';

/** The flags {@link addFormatOption} declares. */
export interface FormatFlags {
  readonly format: OutputFormat;
}

/**
 * `--format text|json` (default text), the one flag for the output format of every command that
 * prints results. `-o, --output` always names an output file (compile, …), never a format.
 */
export function addFormatOption(cmd: Command): Command {
  return cmd.addOption(new Option('--format <format>', 'output format: text for people, json for scripts').choices(['text', 'json']).default('text'));
}
