// Command-line entry: `npm run cli -- <group> <command> [args]`. Each group lives in
// server/cli/<group>.ts and exports `run(args): Promise<number>` (the exit code).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** Lists the command groups available (one module per group in server/cli/). */
export function commandGroups(): string[] {
  return readdirSync(join(here, 'cli'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  const groups = commandGroups();
  if (!group || group === 'help' || group === '--help' || !groups.includes(group)) {
    if (group && !['help', '--help'].includes(group)) process.stderr.write(`unknown command group: ${group}\n`);
    process.stderr.write(`usage: npm run cli -- <${groups.join('|')}> <command> [options]\n`);
    return group && !['help', '--help'].includes(group) ? 2 : 0;
  }
  const mod = (await import(join(here, 'cli', `${group}.ts`))) as { run(args: string[]): Promise<number> };
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
