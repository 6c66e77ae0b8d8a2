/** The CLIs' shared start: --help prints the usage (exit 0), a usage error one line (exit 2). */
export function usageExit<T>(command: string, usage: string, args: T | string | 'help'): number | T {
  if (args === 'help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (typeof args === 'string') {
    process.stderr.write(`${command}: ${args} (try --help)\n`)
    return 2
  }
  return args
}
