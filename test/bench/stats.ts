/** Percentiles of a sample, by nearest rank. */
export function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) }
}

export function round(value: number, digits = 2): number {
  const unit = 10 ** digits
  return Math.round(value * unit) / unit
}

/** Samples this process's resident memory until stopped; returns the peak in MiB. */
export function watchPeakRss(intervalMs = 50): () => number {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, intervalMs)
  return () => {
    clearInterval(timer)
    return round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, 0)
  }
}

export async function timed<T>(task: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await task()
  return { value, ms: performance.now() - started }
}
