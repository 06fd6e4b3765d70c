import { apiFetch } from "@/lib/api-client";
import type {
  AssistantConversation,
  AssistantDetail,
  AssistantExport,
  AssistantSummary,
  AssistantTurn,
  AssistantVersion,
  ImportResult,
  SaveVersionInput,
} from "./schema";

/**
 * The browser's client for /api/assistants (docs/assistants.md). CONTRACT: signatures agreed
 * between the parts of issue 13; the server part owns the routes behind them.
 */

const base = "/api/assistants";
const enc = encodeURIComponent;

export interface AssistantListQuery {
  q?: string;
  owner?: "me" | "all";
  deleted?: boolean;
  cursor?: string;
}

export function listAssistants(
  query: AssistantListQuery = {},
): Promise<{ data: AssistantSummary[]; nextCursor: string | null }> {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  if (query.owner) sp.set("owner", query.owner);
  if (query.deleted) sp.set("deleted", "1");
  if (query.cursor) sp.set("cursor", query.cursor);
  const qs = sp.toString();
  return apiFetch(`${base}${qs ? `?${qs}` : ""}`);
}

export function getAssistant(id: string, version?: number): Promise<AssistantDetail> {
  return apiFetch(`${base}/${enc(id)}${version ? `?version=${version}` : ""}`);
}

export function createAssistant(input: SaveVersionInput): Promise<AssistantDetail> {
  return apiFetch(base, { method: "POST", body: input });
}

export function saveVersion(id: string, input: SaveVersionInput): Promise<AssistantDetail> {
  return apiFetch(`${base}/${enc(id)}/versions`, { method: "POST", body: input });
}

export function getVersion(id: string, version: number): Promise<AssistantVersion> {
  return apiFetch(`${base}/${enc(id)}/versions/${version}`);
}

export function patchAssistant(
  id: string,
  patch: { productionVersion?: number | null; visibility?: "team" | "private"; restore?: true },
): Promise<AssistantSummary> {
  return apiFetch(`${base}/${enc(id)}`, { method: "PATCH", body: patch });
}

export function rollBack(id: string, version: number): Promise<AssistantDetail> {
  return apiFetch(`${base}/${enc(id)}/rollback`, { method: "POST", body: { version } });
}

export function duplicateAssistant(id: string, version?: number): Promise<AssistantDetail> {
  return apiFetch(`${base}/${enc(id)}/duplicate`, { method: "POST", body: { version } });
}

export function deleteAssistant(id: string): Promise<void> {
  return apiFetch(`${base}/${enc(id)}`, { method: "DELETE" });
}

export function exportAssistant(id: string): Promise<AssistantExport> {
  return apiFetch(`${base}/${enc(id)}/export`);
}

/** Any supported JSON (see ImportResult.source); the server detects the format. */
export function importAssistant(raw: unknown): Promise<ImportResult> {
  return apiFetch(`${base}/import`, { method: "POST", body: raw });
}

export function listConversations(id: string): Promise<AssistantConversation[]> {
  return apiFetch(`${base}/${enc(id)}/conversations`);
}

export function addConversation(
  id: string,
  conversationId: string,
  title: string,
): Promise<AssistantConversation> {
  return apiFetch(`${base}/${enc(id)}/conversations`, { method: "POST", body: { conversationId, title } });
}

export function deleteConversation(id: string, conversationId: string): Promise<void> {
  return apiFetch(`${base}/${enc(id)}/conversations/${enc(conversationId)}`, { method: "DELETE" });
}

export function conversationTurns(id: string, conversationId: string): Promise<AssistantTurn[]> {
  return apiFetch(`${base}/${enc(id)}/conversations/${enc(conversationId)}/turns`);
}
