import { parseArgs } from 'node:util';
import { verifyLog, VerifyReport } from '@sagsgang/audit';
import { Command } from '../command';
import { withEventStore } from '../store';

export const verify: Command = {
  usage: `verify [--json]
        walks the whole log and checks every stream's revisions, the global
        positions and the hash chain; prints what was checked and each failure
        (stream, revision, what is wrong); exit code 1 on any failure.
        --json prints the report as JSON instead`,

  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const report = await withEventStore({ readonly: true }, (store) => verifyLog(store));
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
    return report.failures.length > 0 || report.unreadable.length > 0 ? 1 : 0;
  },
};

function describe(report: VerifyReport): string {
  const lines = [`checked ${report.streams} streams, ${report.events} events (log up to position ${report.lastPosition})`];
  for (const range of report.unreadable) {
    lines.push(
      `UNREADABLE after position ${range.after}${range.before === null ? '' : `, before position ${range.before}`}: ${range.problem}`,
    );
  }
  for (const failure of report.failures) {
    lines.push(`FAIL ${failure.stream} revision ${failure.revision} (position ${failure.position}): ${failure.problem}`);
  }
  const problems = report.failures.length;
  lines.push(problems === 0 && report.unreadable.length === 0 ? 'OK: no failures' : `${problems} failure${problems === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
