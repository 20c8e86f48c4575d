/** What the command's parts share: the usage error, the parsed flags, where lines go. */

/** Bad usage: printed with the usage text, exit 2. */
export class UsageError extends Error {}

/** The flags a command was given: a value, or true for a switch. */
export type Flags = Map<string, string | true>;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}
