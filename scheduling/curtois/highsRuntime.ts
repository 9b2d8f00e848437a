// Loads the HiGHS WebAssembly runtime once per process (the package ships it; nothing is fetched).
import highsModule, { type Highs } from 'highs';

type HighsLoader = () => Promise<Highs>;
// The package's types describe CommonJS, but under ESM its default export is the loader itself.
const loadHighs: HighsLoader = typeof highsModule === 'function'
  ? (highsModule as unknown as HighsLoader)
  : (highsModule as unknown as { default: HighsLoader }).default;

let shared: Promise<Highs> | undefined;

/**
 * Which HiGHS runtime should solvers use? The same one for the whole process.
 * @example const highs = await sharedHighs(); highs.version.string // '1.15.…'
 */
export function sharedHighs(): Promise<Highs> {
  if (!shared) shared = loadHighs();
  return shared;
}
