// Live updating by polling: one call at a time, stopped when the view goes away.

/** Calls task now and then every ms milliseconds after the previous call ended, until signal aborts. */
export function every(ms, task, signal) {
  let timer = null;
  const run = async () => {
    if (signal.aborted) return;
    try {
      await task();
    } catch (error) {
      if (error.name !== 'AbortError') console.warn('update failed:', error.message);
    }
    if (!signal.aborted) timer = setTimeout(run, ms);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  run();
}
