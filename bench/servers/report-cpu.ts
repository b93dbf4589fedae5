/** Answers the benchmark's "cpu" question: CPU microseconds so far and peak RSS in MB. */
export function cpuReport(): { cpuMicros: number; maxRssMb: number } {
  const { user, system } = process.cpuUsage();
  return { cpuMicros: user + system, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
