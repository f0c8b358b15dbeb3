import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  runs: number;
}

/** Runs `work` a number of times and reports the median wall-clock time. */
export async function measure(name: string, runs: number, work: () => Promise<void>): Promise<Measurement> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}

/** Prints a table of medians with each one's ratio to the first (the reference run in the same process). */
export function report(title: string, measurements: Measurement[]): void {
  const reference = measurements[0]?.medianMs ?? 1;
  console.log(`\n${title}`);
  for (const m of measurements) {
    const ratio = (m.medianMs / reference).toFixed(2);
    console.log(
      `  ${m.name.padEnd(52)} ${m.medianMs.toFixed(1).padStart(9)} ms  ×${ratio}  (median of ${m.runs})`,
    );
  }
}
