// Loads the wasm module built by scripts/build (build/wasm-release) for node:test suites.
// Node's fetch cannot read a file path, so the binary is handed to the factory.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const WASM_DIR = process.env.REVDIAG_WASM_DIR || path.join(ROOT, 'build', 'wasm-release', 'wasm');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const CLI = process.env.REVDIAG_CLI || path.join(ROOT, 'build', 'native-release', 'cli', 'revdiag');

const require = createRequire(import.meta.url);
let enginePromise = null;

/** The module, loaded once per test file. */
export function loadEngine() {
  if (!enginePromise) {
    const createRevdiag = require(path.join(WASM_DIR, 'revdiag.js'));
    enginePromise = createRevdiag({ wasmBinary: readFileSync(path.join(WASM_DIR, 'revdiag.wasm')) });
  }
  return enginePromise;
}

/** A fixture's bytes (Uint8Array), as the page would hand them to the engine. */
export function fixtureBytes(relative) {
  return new Uint8Array(readFileSync(path.join(FIXTURES, relative)));
}
