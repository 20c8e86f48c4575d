/**
 * The `nianbao` command under Node: the entry that buildCli.ts bundles into
 * out/cli/nianbao.mjs (the package's bin). The installed app runs main()
 * from its own main process instead (electron/main/cliMode.ts).
 */
import { main } from './main.ts';

// Piped into `head` and the like: a closed reader is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
