// Preloaded into each CLI run of the benchmark (`node --require …`): prints, on stderr as the process exits, its peak
// RSS (KB), its CPU time over all threads (µs: user, system) and, on Linux, its main thread's CPU time (µs), for
// bench.ts to read.
const { readFileSync } = require('node:fs');

/** The main thread's user + system CPU time in µs from /proc (Linux), or -1 where there is none. */
function mainThreadCpuMicros() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the stat line, in clock ticks (100 a second on Linux)
    return (Number(fields[11]) + Number(fields[12])) * 10000;
  } catch {
    return -1;
  }
}

process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@maxrss ${u.maxRSS}\n@@cpu ${u.userCPUTime} ${u.systemCPUTime} ${mainThreadCpuMicros()}\n`);
});
