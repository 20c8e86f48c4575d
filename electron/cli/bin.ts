/**
 * The `nianbao` command under Node: the entry that buildCli.ts bundles into
 * out/cli/nianbao.mjs (the package's bin). The installed app runs main()
 * from its own main process instead (electron/main/index.ts).
 */
import { exitOnClosedStdout, main } from './main.ts';

exitOnClosedStdout((code) => process.exit(code));
process.exitCode = await main(process.argv.slice(2));
