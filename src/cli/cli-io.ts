/**
 * What a command talks to: its environment, its output streams and its exit code. The
 * `gazette` binary passes the process's own; tests run commands in-process with their own
 * environment and capture the output, without paying for a new Node process per command.
 */
export interface CliIo {
  env: Record<string, string | undefined>;
  /** Writes one line (or several joined by line feeds) to standard output. */
  out(text: string): void;
  /** Writes one line to standard error. */
  err(text: string): void;
  /** Whether output goes to a terminal (progress bars are drawn only there). */
  isTTY: boolean;
  /** Set by a command that finished but failed in part (e.g. a feed poll that failed). */
  exitCode: number;
  /** Reads all of standard input (for secrets such as `--password-stdin`). */
  readStdin(): Promise<string>;
}

/** The real process's environment and streams. */
export function processIo(): CliIo {
  return {
    env: process.env,
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    isTTY: Boolean(process.stdout.isTTY),
    exitCode: 0,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
