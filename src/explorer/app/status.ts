// The status line and the busy flag: what the page is doing, and what failed.
import { byId } from './dom.js';

const status = byId('status');
let busy = 0;

function setBusy(delta: number) {
  busy += delta;
  document.body.dataset.busy = String(busy > 0);
}

export function say(message: string, error = false) {
  status.textContent = message;
  status.classList.toggle('error', error);
}

/** Runs `work` with the page marked busy; a failure is said on the status line, as `what` failed. */
export async function task<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
  setBusy(1);
  try {
    return await work();
  } catch (error) {
    say(`${what} failed: ${(error as Error).message}`, true);
    return undefined;
  } finally {
    setBusy(-1);
  }
}
