// The server's entry point run as its own process, as `npm run serve` would, with its whole
// output (stdout and stderr) captured: what an operator's log would hold.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs `tsx server/main.ts` as `npm run serve` would, until the server says it listens. */
export function spawnMain(env: Record<string, string>) {
  const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening:\n${output}`));
    });
  });
  return { child, listening, exited, output: () => output };
}

