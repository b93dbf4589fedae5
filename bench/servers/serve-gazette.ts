/**
 * A Gazette server in a child process of its own, so the benchmark can read its CPU time
 * apart from the load generator's. Configured by its environment (BENCH_DATA_DIR is the data
 * directory); answers { url } when listening, and its CPU and peak RSS when asked for "cpu".
 */
import { startGazette } from '../../src/main.js';
import { cpuReport } from './report-cpu.js';

const gazette = await startGazette({
  ...process.env,
  DATA_DIR: process.env.BENCH_DATA_DIR ?? process.env.DATA_DIR,
  PORT: '0',
  LOG_LEVEL: 'silent',
});
process.send!({ url: gazette.url });
process.on('message', async (message) => {
  if (message === 'cpu') {
    process.send!(cpuReport());
  } else if (message === 'stop') {
    await gazette.stop();
    process.exit(0);
  }
});
