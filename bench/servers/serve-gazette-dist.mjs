/**
 * serve-gazette.ts as it runs in production: the compiled dist/ under plain node, with no
 * TypeScript loader in the process, so its memory is what `npm start` uses. Build first.
 */
import { startGazette } from '../../dist/main.js';

const gazette = await startGazette({ ...process.env, DATA_DIR: process.env.BENCH_DATA_DIR ?? process.env.DATA_DIR, PORT: '0', LOG_LEVEL: 'silent' });
process.send({ url: gazette.url });
process.on('message', async (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpuMicros: user + system, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  } else if (message === 'stop') {
    await gazette.stop();
    process.exit(0);
  }
});
