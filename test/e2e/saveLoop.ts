/**
 * Saves one report file over and over, as fast as it can, until killed:
 * each version holds its sequence number and enough text to take a while.
 * Argument: the file.
 */
import { writeFileAtomic } from '../../electron/services/files.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: saveLoop.ts FILE');
const padding = '年'.repeat(300_000);
process.stdout.write('ready\n');
for (let seq = 1; ; seq++) await writeFileAtomic(path, JSON.stringify({ seq, padding }), { backup: true });
