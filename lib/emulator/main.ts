import { startEmulator } from "./server";

// `npm run emulator -- --port 4010`: the upstream emulator on its own.
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const port = Number(arg("port") ?? process.env.EMULATOR_PORT ?? 4010);
  const host = arg("host") ?? "127.0.0.1";
  const emulator = await startEmulator({ port, host });
  console.log(`emulator listening on ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
