import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A small file system of its own for a data folder, so that a test can fill it up; or why there cannot be one here. */
export type Tmpfs = { mounted: true; unmount(): void } | { mounted: false; reason: string };

/** Mounts a tmpfs of `megabytes` on `dir` (needs the right to mount: root, or CAP_SYS_ADMIN). */
export function mountTmpfs(dir: string, megabytes: number): Tmpfs {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    return { mounted: false, reason: (stderr?.toString().trim() || String(error)).split('\n')[0] };
  }
  return { mounted: true, unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }) };
}

/** Fills the file system `dir` is on with one file, to its last byte; removing the file frees the space again. */
export function fillDisk(dir: string, name = 'fyld'): string {
  const file = join(dir, name);
  const fd = openSync(file, 'a');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const block = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}
