import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process runs a local stack on this data folder. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`${dataDir} is in use by process ${pid}`);
  }
}

/**
 * Claims a local run's data folder for this process (`running.pid` in it): dynalite's files can be open in one
 * process only, and a second `npm start` on them crashed half-started ("Database is closed"). A claim left by a
 * process that is gone (killed) is taken over.
 * @returns a function that gives the folder up
 * @throws DataDirInUseError naming the live process that holds the folder
 */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'running.pid');
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (holder !== process.pid && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
