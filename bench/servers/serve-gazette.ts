/**
 * A Gazette server in a child process of its own, so the benchmark can read its CPU time
 * apart from the load generator's. Answers { url } when listening, and { cpuMicros } when
 * asked for "cpu".
 */
import { startGazette } from '../../src/main.js';

const gazette = await startGazette({ DATA_DIR: process.env.BENCH_DATA_DIR, PORT: '0', LOG_LEVEL: 'silent' });
process.send!({ url: gazette.url });
process.on('message', async (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system });
  } else if (message === 'stop') {
    await gazette.stop();
    process.exit(0);
  }
});
