#!/usr/bin/env node
// The `nianbao` command. The sources are TypeScript; tsx compiles them on load.
import { register } from 'tsx/esm/api';

// Piped into `head` and the like: a closed reader is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
