// `npm run cli -- knowledge <command>`: the knowledge library from the command line. Each command
// is one entry of the table below (its usage line and its runner, which opens the database itself).
import { EVAL_USAGE, runEval } from '../knowledge/eval-cli.ts';
import { EXPORT_USAGE, IMPORT_USAGE, runLibraryExport, runLibraryImport } from '../knowledge/owner-cli.ts';

interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** The knowledge commands by name; add an entry to add a command. */
export const KNOWLEDGE_COMMANDS: Record<string, Command> = {
  eval: { usage: EVAL_USAGE, run: runEval },
  import: { usage: IMPORT_USAGE, run: runLibraryImport },
  export: { usage: EXPORT_USAGE, run: runLibraryExport },
};

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : KNOWLEDGE_COMMANDS[name];
  if (!command) {
    if (name !== undefined && name !== 'help') process.stderr.write(`unknown knowledge command: ${name}\n`);
    process.stderr.write(Object.values(KNOWLEDGE_COMMANDS).map((c) => c.usage).join(''));
    return name === 'help' ? 0 : 2;
  }
  return command.run(rest);
}
