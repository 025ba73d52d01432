/** Runs `jobs`, started in order with at most `limit` running at once; the results in the jobs' order. */
export async function inParallel<T>(limit: number, jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      for (let i = next++; i < jobs.length; i = next++) results[i] = await jobs[i]!();
    }),
  );
  return results;
}
