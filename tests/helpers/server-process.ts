// The server as its own process (server/main.ts, as `npm run serve` runs it), for tests that
// kill it or run several side by side. Node itself with tsx's loader, not the tsx command:
// that one is a wrapper whose child would outlive a SIGKILL sent to it.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** The URL printed once it listens; rejects if it exits first or takes over 20 s. */
  listening: Promise<string>;
  /** The exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output: () => string;
}

/** Starts server/main.ts on a free port of 127.0.0.1 with `env` over this process's environment. */
export function spawnServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening:\n${output}`));
    });
  });
  return { child, listening, exited, output: () => output };
}
