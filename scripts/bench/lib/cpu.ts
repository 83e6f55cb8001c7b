// CPU time of a bench run, the figure that stays meaningful on a shared machine where wall time does not.
import { readFileSync } from "node:fs";

/** CPU seconds used so far by this process and its finished child processes (Linux /proc; 0 elsewhere). */
export function cpuWithChildren(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime are fields 14-17 of the line, 12-15 after the command name; in clock ticks.
    return fields.slice(11, 15).reduce((s, v) => s + Number(v), 0) / 100;
  } catch {
    return 0;
  }
}
