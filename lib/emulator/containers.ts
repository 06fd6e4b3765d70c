import type { ContainerRetrieveResponse } from "openai/resources/containers/containers";
import type { FileRetrieveResponse } from "openai/resources/containers/files/files";
import { asRecord, baseHeaders, type Ctx, HttpError, sendJson } from "./http";
import type { EmulatorState, StoredContainer } from "./state";
import { invalidType, paginate } from "./validate";

/**
 * Code-interpreter containers: created by a `code_interpreter` tool with `container: {type:"auto"}`
 * (or POST /v1/containers), holding the files the emulated code writes, downloadable as the API
 * serves them (`GET /v1/containers/{id}/files/{file}/content`).
 */

const MEMORY = ["1g", "4g", "16g", "64g"] as const;
type Memory = (typeof MEMORY)[number];

export function newContainer(state: EmulatorState, name: string, memory: unknown): StoredContainer {
  if (memory !== undefined && !MEMORY.includes(memory as Memory))
    throw new HttpError(
      400,
      `Invalid value: '${String(memory)}'. Supported values are: ${MEMORY.map((m) => `'${m}'`).join(", ")}.`,
      "memory_limit",
      "invalid_value",
    );
  const createdAt = state.now();
  const c: StoredContainer = {
    id: state.id("cntr", "_"),
    name,
    createdAt,
    lastActiveAt: createdAt,
    memoryLimit: (memory as Memory | undefined) ?? "1g",
    deleted: false,
    files: new Map(),
  };
  state.containers.set(c.id, c);
  return c;
}

export function findContainer(state: EmulatorState, id: string): StoredContainer {
  const c = state.containers.get(id);
  if (!c || c.deleted) throw new HttpError(404, `Container with id '${id}' not found.`, null, null);
  return c;
}

/** Puts a file in the container at /mnt/data/<name>; `user` files are copies of uploaded Files. */
export function addContainerFile(
  state: EmulatorState,
  c: StoredContainer,
  name: string,
  content: Buffer,
  source: "assistant" | "user",
): string {
  const id = state.id("cfile", "_");
  c.files.set(id, { id, path: `/mnt/data/${name}`, createdAt: state.now(), source, content });
  c.lastActiveAt = state.clock;
  return id;
}

function containerObject(c: StoredContainer): ContainerRetrieveResponse {
  return {
    id: c.id,
    object: "container",
    name: c.name,
    created_at: c.createdAt,
    status: "running",
    expires_after: { anchor: "last_active_at", minutes: 20 },
    last_active_at: c.lastActiveAt,
    memory_limit: c.memoryLimit,
  };
}

function fileObject(c: StoredContainer, id: string): FileRetrieveResponse {
  const f = c.files.get(id);
  if (!f) throw new HttpError(404, `File with id '${id}' not found in container '${c.id}'.`, null, null);
  return {
    id: f.id,
    object: "container.file",
    bytes: f.content.length,
    container_id: c.id,
    created_at: f.createdAt,
    path: f.path,
    source: f.source,
  };
}

function createContainer(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  if (typeof body.name !== "string" || !body.name) throw invalidType("name", "a string", body.name);
  const c = newContainer(ctx.state, body.name, body.memory_limit);
  const ids = Array.isArray(body.file_ids) ? body.file_ids : [];
  for (const fid of ids) {
    const f = ctx.state.files.get(String(fid));
    if (!f) throw new HttpError(404, `No such File object: ${String(fid)}`, "file_ids", null);
    addContainerFile(ctx.state, c, f.object.filename, f.content ?? Buffer.alloc(0), "user");
  }
  sendJson(ctx, 200, containerObject(c));
}

function listContainers(ctx: Ctx): void {
  const all = [...ctx.state.containers.values()]
    .filter((c) => !c.deleted)
    .map((c) => ({ ...containerObject(c), created_at: c.createdAt }));
  sendJson(ctx, 200, paginate(all, ctx.query));
}

function retrieveContainer(ctx: Ctx): void {
  sendJson(ctx, 200, containerObject(findContainer(ctx.state, ctx.params[0] ?? "")));
}

function deleteContainer(ctx: Ctx): void {
  const c = findContainer(ctx.state, ctx.params[0] ?? "");
  c.deleted = true;
  sendJson(ctx, 200, { id: c.id, object: "container.deleted", deleted: true });
}

function listContainerFiles(ctx: Ctx): void {
  const c = findContainer(ctx.state, ctx.params[0] ?? "");
  sendJson(
    ctx,
    200,
    paginate(
      [...c.files.keys()].map((id) => fileObject(c, id)),
      ctx.query,
    ),
  );
}

function retrieveContainerFile(ctx: Ctx): void {
  const c = findContainer(ctx.state, ctx.params[0] ?? "");
  sendJson(ctx, 200, fileObject(c, ctx.params[1] ?? ""));
}

function containerFileContent(ctx: Ctx): void {
  const c = findContainer(ctx.state, ctx.params[0] ?? "");
  const meta = fileObject(c, ctx.params[1] ?? "");
  const content = c.files.get(meta.id)?.content ?? Buffer.alloc(0);
  ctx.res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(content.length),
    ...baseHeaders(ctx),
  });
  ctx.res.end(content);
}

export const CONTAINER_ROUTES = (ID: string) => [
  { method: "POST", pattern: /^\/v1\/containers$/, handler: createContainer, json: true },
  { method: "GET", pattern: /^\/v1\/containers$/, handler: listContainers },
  { method: "GET", pattern: new RegExp(`^/v1/containers/${ID}$`), handler: retrieveContainer },
  { method: "DELETE", pattern: new RegExp(`^/v1/containers/${ID}$`), handler: deleteContainer },
  { method: "GET", pattern: new RegExp(`^/v1/containers/${ID}/files$`), handler: listContainerFiles },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/containers/${ID}/files/${ID}$`),
    handler: retrieveContainerFile,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/containers/${ID}/files/${ID}/content$`),
    handler: containerFileContent,
  },
];
