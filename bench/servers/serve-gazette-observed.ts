/**
 * A Gazette server for the observability benchmark: BENCH_OBSERVE=off serves without request
 * ids, access log and request metrics; "metrics" without the access log; "on" serves as
 * production does, its log written to a file as Gazette writes stdout (asynchronously).
 * Otherwise the protocol of serve-gazette.ts.
 */
import { join } from 'node:path';
import { destination } from 'pino';
import { startGazette } from '../../src/main.js';
import { cpuReport } from './report-cpu.js';

const dataDir = process.env.BENCH_DATA_DIR!;
const on = process.env.BENCH_OBSERVE === 'on' || process.env.BENCH_OBSERVE === 'metrics';
const logged = process.env.BENCH_OBSERVE === 'on';
const gazette = await startGazette(
  { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: logged ? 'info' : 'silent', SCHEDULER: 'false', METRICS_TOKEN: 'bench-metrics-token-0123' },
  { observeRequests: on, ...(logged && { logDestination: destination({ dest: join(dataDir, `access-${process.pid}.log`), sync: false }) }) },
);
process.send!({ url: gazette.url });
process.on('message', async (message) => {
  if (message === 'cpu') {
    process.send!(cpuReport());
  } else if (message === 'stop') {
    await gazette.stop();
    process.exit(0);
  }
});
