// Preloaded into each CLI run of the benchmark (`node --require …`): prints the process's peak RSS (KB) on stderr
// as it exits, for bench.ts to read.
process.on('exit', () => process.stderr.write('\n@@maxrss ' + process.resourceUsage().maxRSS + '\n'));
