import "server-only";
import type {
  AssistantConfig,
  AssistantConversation,
  AssistantDetail,
  AssistantExport,
  AssistantSummary,
  AssistantTurn,
  AssistantVersion,
  ImportResult,
  SaveVersionInput,
} from "@/lib/assistants/schema";

/**
 * Assistants in the database (docs/assistants.md). CONTRACT STUB: the signatures are the contract
 * between the parts of issue 13; the server part implements them.
 */

const todo = (): never => {
  throw new Error("not implemented yet");
};

export interface Viewer {
  id: string;
  role: "admin" | "member";
}

export interface ListOptions {
  q?: string;
  owner?: "me" | "all";
  /** Soft-deleted ones only (the "Recently deleted" view). */
  deleted?: boolean;
  cursor?: string;
  limit?: number;
}

export async function listAssistants(
  _viewer: Viewer,
  _opts: ListOptions,
): Promise<{ data: AssistantSummary[]; nextCursor: string | null }> {
  return todo();
}

export async function createAssistant(_viewer: Viewer, _input: SaveVersionInput): Promise<AssistantDetail> {
  return todo();
}

/** `version` absent: the latest. Unknown or invisible: a 404 ApiError. */
export async function getAssistant(
  _viewer: Viewer,
  _id: string,
  _version?: number,
): Promise<AssistantDetail> {
  return todo();
}

export async function saveVersion(
  _viewer: Viewer,
  _id: string,
  _input: SaveVersionInput,
  _basedOn?: number,
): Promise<AssistantDetail> {
  return todo();
}

export async function getVersion(_viewer: Viewer, _id: string, _version: number): Promise<AssistantVersion> {
  return todo();
}

export async function patchAssistant(
  _viewer: Viewer,
  _id: string,
  _patch: { productionVersion?: number | null; visibility?: "team" | "private"; restore?: true },
): Promise<AssistantSummary> {
  return todo();
}

/** Roll back: a new version whose config is `version`'s (based_on = version). */
export async function rollBack(_viewer: Viewer, _id: string, _version: number): Promise<AssistantDetail> {
  return todo();
}

/** A new assistant owned by the viewer, version 1 = `version` (default latest) of `id`. */
export async function duplicateAssistant(
  _viewer: Viewer,
  _id: string,
  _version?: number,
): Promise<AssistantDetail> {
  return todo();
}

/** Soft delete; restorable for ASSISTANT_LIMITS.restoreDays. */
export async function deleteAssistant(_viewer: Viewer, _id: string): Promise<void> {
  return todo();
}

export async function exportAssistant(_viewer: Viewer, _id: string): Promise<AssistantExport> {
  return todo();
}

/** A Benchtop export, a legacy Assistants API object (or list) or a prompt object export. */
export async function importAssistant(_viewer: Viewer, _raw: unknown): Promise<ImportResult> {
  return todo();
}

/** What the proxy needs to expand a call: the resolved version and its MCP header values. */
export interface ResolvedAssistant {
  id: string;
  version: number;
  config: AssistantConfig;
  /** Per MCP server label, header name → value (secret). */
  mcpHeaders: Record<string, Record<string, string>>;
}

/**
 * For the proxy's hot path: the version named (a number as text), or production, or the latest.
 * Cached (versions are immutable; the head for about a second). Unknown id, a deleted or invisible
 * assistant, an unknown version: a 400 ApiError in OpenAI's shape naming the problem.
 */
export async function resolveForCall(
  _viewer: Viewer,
  _id: string,
  _version: string | null | undefined,
): Promise<ResolvedAssistant> {
  return todo();
}

/** After a call that named an assistant: last use, and the conversation index when it had one. */
export async function noteCall(_input: {
  assistantId: string;
  version: number;
  userId: string;
  conversationId: string | null;
  /** First user text of the call, for a new conversation's title. */
  title: string;
}): Promise<void> {
  return todo();
}

export async function listConversations(
  _viewer: Viewer,
  _assistantId: string,
): Promise<AssistantConversation[]> {
  return todo();
}

/** Index a conversation the test chat created (before its first turn). */
export async function addConversation(
  _viewer: Viewer,
  _assistantId: string,
  _conversationId: string,
  _title: string,
): Promise<AssistantConversation> {
  return todo();
}

/** Removes it from the index and deletes it upstream (`DELETE /conversations/{id}`). */
export async function deleteConversation(
  _viewer: Viewer,
  _assistantId: string,
  _conversationId: string,
): Promise<void> {
  return todo();
}

export async function conversationTurns(_viewer: Viewer, _conversationId: string): Promise<AssistantTurn[]> {
  return todo();
}
