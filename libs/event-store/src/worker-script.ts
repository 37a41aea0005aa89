/**
 * The code of a worker thread (`new Worker(workerScript(entry), { eval: true })`)
 * that runs the module `entry` (a path without extension): the built .js, or
 * the TypeScript source under ts-node and jest, where the worker registers
 * ts-node itself unless it inherited it. Whether the source runs is told by
 * this file's own extension, as everything is built (or not) together.
 */
export function workerScript(entry: string): string {
  const module = JSON.stringify(entry);
  if (!__filename.endsWith('.ts')) return `require(${module});`;
  const tsNode = JSON.stringify(require.resolve('ts-node', { paths: [__dirname] }));
  return `if (!require.extensions['.ts']) require(${tsNode}).register({ transpileOnly: true }); require(${module});`;
}
