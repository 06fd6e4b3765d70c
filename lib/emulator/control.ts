import type http from "node:http";
import { sweepExpired } from "./expiry";
import { readBody } from "./http";
import type { EmulatorState, Fault } from "./state";

/** Test controls under /__emulator/: health, reset, faults, config, clock, requests. */
export async function control(
  state: EmulatorState,
  what: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  try {
    const raw = req.method === "POST" ? (await readBody(req, 1024 * 1024)).toString("utf8") : "";
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    if (what === "health") return send(200, { ok: true });
    if (what === "reset" && req.method === "POST") {
      state.reset();
      return send(200, { ok: true });
    }
    if (what === "faults" && req.method === "POST") {
      const kinds = ["status", "slow_first_byte", "break_stream", "hang"];
      if (!kinds.includes(String(body.kind)))
        return send(400, { error: `kind must be one of ${kinds.join(", ")}` });
      const fault = {
        ...(body as Omit<Fault, "id" | "times">),
        id: `fault_${state.faults.length + 1}`,
        times: typeof body.times === "number" ? body.times : 1,
      } as Fault;
      state.faults.push(fault);
      return send(200, { id: fault.id });
    }
    if (what === "faults" && req.method === "DELETE") {
      state.faults = [];
      return send(200, { ok: true });
    }
    if (what === "faults") return send(200, { data: state.faults });
    if (what === "config" && req.method === "POST") {
      if (typeof body.streamChunkDelayMs === "number")
        state.config.streamChunkDelayMs = body.streamChunkDelayMs;
      if (typeof body.streamChunks === "number" || body.streamChunks === null)
        state.config.streamChunks = (body.streamChunks as number | null) ?? undefined;
      if (typeof body.vectorStoreProcessingMs === "number")
        state.config.vectorStoreProcessingMs = Math.max(0, body.vectorStoreProcessingMs);
      if (typeof body.imageB64Bytes === "number" || body.imageB64Bytes === null)
        state.config.imageB64Bytes = (body.imageB64Bytes as number | null) ?? undefined;
      if (typeof body.fineTuningStepMs === "number" && body.fineTuningStepMs > 0)
        state.config.fineTuningStepMs = body.fineTuningStepMs;
      if (body.fineTuningCreation === "allow" || body.fineTuningCreation === "refuse")
        state.config.fineTuningCreation = body.fineTuningCreation;
      for (const k of ["fileContentType", "fileContentDisposition"] as const) {
        if (typeof body[k] === "string" || body[k] === null)
          state.config[k] = (body[k] as string | null) ?? undefined;
      }
      return send(200, state.config);
    }
    if (what === "clock" && req.method === "POST") {
      const n = body.advanceSeconds;
      if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
        return send(400, { error: "advanceSeconds must be a number >= 0" });
      state.advance(Math.floor(n));
      sweepExpired(state);
      return send(200, { clock: state.clock });
    }
    if (what === "clock") return send(200, { clock: state.clock });
    if (what === "requests") return send(200, { data: state.log });
    send(404, { error: `unknown control ${what}` });
  } catch (e) {
    send(400, { error: (e as Error).message });
  }
}
