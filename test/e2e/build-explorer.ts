// Global set-up of the browser tests: the explorer page is built from the current sources, so
// the tests never run against a stale or missing bundle.
import { buildExplorer } from '../../src/explorer/build.js';

export default async function setup() {
  const started = Date.now();
  await buildExplorer();
  console.log(`explorer built in ${Date.now() - started} ms`);
}
