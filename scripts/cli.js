// Runs the sagsgang CLI from dist/, building it first only when a source is newer than the last build,
// so `npm run -s token …` prints the token alone and answers in about a second when dist/ is current.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.built');

function newestSource(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.ts') || path.endsWith('.json') ? stat.mtimeMs : 0;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, name === 'test' ? 0 : newestSource(join(path, name))), 0);
}

const sources = ['apps', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((name) => join(root, name));
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (sources.some((source) => existsSync(source) && newestSource(source) > built)) {
  // The build's own output goes to stderr: stdout is the command's answer alone.
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: root, stdio: ['ignore', 2, 2] });
  writeFileSync(stamp, new Date().toISOString());
}
process.argv.splice(1, 1, join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
require(process.argv[1]);
