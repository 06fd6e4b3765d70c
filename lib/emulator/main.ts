import { startEmulator } from "./server";

// `npm run emulator -- --port 4010 [--host H] [--controls]`: the upstream emulator on its own.
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const port = Number(arg("port") ?? process.env.EMULATOR_PORT ?? 4010);
  const host = arg("host") ?? "127.0.0.1";
  // Test controls only when asked (`--controls`): tests and `npm run demo` do, a plain emulator does not.
  const controls = process.argv.includes("--controls");
  const emulator = await startEmulator({ port, host, controls });
  console.log(`emulator listening on ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
