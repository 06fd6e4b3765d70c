"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { EmptyState } from "@/components/ui/empty-state";
import { apiRequest } from "@/lib/api-client";
import { pendingOf, userMessage, variableProblems } from "@/lib/assistants/chat-request";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import { saveBlob } from "@/lib/images/download";
import { queryKeys } from "@/lib/query-keys";
import { ChatToolbar } from "./chat-toolbar";
import { Composer } from "./composer";
import { ConversationsList } from "./conversations-list";
import { type ItemActions, ItemActionsProvider } from "./item-context";
import { openConversation, sendTurn, stopTurn } from "./send";
import { allItems, useChat } from "./store";
import { Transcript } from "./transcript";
import { useChatSetup } from "./use-chat-setup";
import { VariablesPanel } from "./variables-panel";

/**
 * The test chat (docs/assistants-chat.md): a conversation with one version of the assistant, sent
 * exactly as code would call it through the proxy, every item of each turn shown as it streams.
 */
export function ChatView({
  assistantId,
  canSharePublicly,
}: {
  assistantId: string;
  canSharePublicly: boolean;
}) {
  const qc = useQueryClient();
  const setup = useChatSetup(assistantId);
  const { resolve } = useModels();
  const { turns, outputs, loading, loadError, conversationId } = useChat();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { config, version, values } = setup;
  const streaming = turns.at(-1)?.status === "streaming";
  const items = useMemo(() => allItems(turns), [turns]);
  const pending = useMemo(
    () => (streaming ? { calls: [], approvals: [] } : pendingOf(items)),
    [items, streaming],
  );
  const problems = useMemo(() => variableProblems(config?.variables ?? [], values), [config, values]);

  // The conversation in the URL is the one shown: reopen it on load and when the list picks another.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const wanted = setup.conversationId;
    if (wanted === shown.current) return;
    shown.current = wanted;
    if (wanted && wanted !== useChat.getState().conversationId) void openConversation(assistantId, wanted);
    else if (!wanted) useChat.getState().reset(null);
  }, [assistantId, setup.conversationId]);
  useEffect(() => () => useChat.getState().reset(null), []);

  const send = (input: ChatItem[]) => {
    if (!config || version === null) return;
    void sendTurn({
      assistantId,
      version,
      config,
      values,
      input,
      onConversation: (id) => {
        shown.current = id;
        setup.setConversation(id);
      },
    }).finally(() => qc.invalidateQueries({ queryKey: queryKeys.assistantConversations(assistantId) }));
  };

  /** Once every waiting call and approval has an answer, they go out together as the next turn. */
  const answer = (key: string, value: string) => {
    const next = { ...useChat.getState().outputs, [key]: value };
    useChat.getState().set({ outputs: next });
    const done =
      pending.calls.every((c) => String(c.call_id) in next) &&
      pending.approvals.every((a) => `approval:${String(a.id)}` in next);
    if (!done) return;
    send([
      ...pending.calls.map((c) => ({
        type: "function_call_output",
        call_id: String(c.call_id),
        output: next[String(c.call_id)] ?? "",
      })),
      ...pending.approvals.map((a) => ({
        type: "mcp_approval_response",
        approval_request_id: String(a.id),
        approve: next[`approval:${String(a.id)}`] === "true",
      })),
    ]);
  };

  const actions: ItemActions = {
    pending: new Set([
      ...pending.calls.map((c) => String(c.call_id)).filter((id) => !(id in outputs)),
      ...pending.approvals.map((a) => String(a.id)).filter((id) => !(`approval:${id}` in outputs)),
    ]),
    mockFor: (name) => {
      const tool = config?.tools.find((t) => t.type === "function" && t.name === name);
      return tool?.type === "function" ? tool.mockOutput : undefined;
    },
    submitOutput: (callId, output) => answer(callId, output),
    answerApproval: (id, approve) => answer(`approval:${id}`, String(approve)),
    download: (path, filename) => {
      setDownloadError(null);
      void apiRequest(path, { accept: "*/*" })
        .then((r) => r.blob())
        .then((b) => saveBlob(b, filename))
        .catch((e: Error) => setDownloadError(`Could not download ${filename}: ${e.message}`));
    },
  };

  if (setup.detail.error)
    return (
      <p role="alert" className="text-danger text-sm">
        Could not load the assistant: {setup.detail.error.message}
      </p>
    );
  const detail = setup.detail.data;
  if (!detail || !config || version === null) return <EmptyState title="Loading the assistant…" loading />;

  const waiting =
    pending.calls.length || pending.approvals.length
      ? "Answer the function call or approval request above to continue."
      : null;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[15rem_minmax(0,1fr)_17rem]">
      <aside className="order-3 lg:order-1">
        <ConversationsList
          assistantId={assistantId}
          current={conversationId}
          onOpen={(id) => setup.setConversation(id)}
          onNew={() => setup.setConversation(null)}
        />
      </aside>
      <section className="order-1 min-w-0 space-y-3 lg:order-2" aria-label="Conversation">
        <ChatToolbar
          detail={detail}
          choice={setup.choice}
          version={version}
          config={config}
          values={values}
          canSharePublicly={canSharePublicly}
          resolve={resolve}
          onChoice={setup.setChoice}
        />
        {loadError && (
          <p role="alert" className="text-danger text-sm">
            Could not open the conversation: {loadError}
          </p>
        )}
        {downloadError && (
          <p role="alert" className="text-danger text-sm">
            {downloadError}
          </p>
        )}
        {loading ? (
          <EmptyState title="Loading the conversation…" loading />
        ) : turns.length === 0 ? (
          <EmptyState title={`Chat with ${config.name || detail.assistant.name} (v${version})`}>
            Each message is sent as code would call this assistant: its id, the version and the variables,
            through the proxy. Tool calls, results and citations show as they arrive.
          </EmptyState>
        ) : (
          <ItemActionsProvider value={actions}>
            <Transcript turns={turns} resolve={resolve} />
          </ItemActionsProvider>
        )}
        <Composer
          streaming={streaming}
          waiting={waiting}
          validate={() =>
            problems.length
              ? `Fill in the variables first: ${problems.map((p) => p.message).join(" ")}`
              : null
          }
          onSend={(text) => send([userMessage(text)])}
          onStop={stopTurn}
        />
      </section>
      <aside className="order-2 space-y-2 lg:order-3" aria-labelledby="chat-variables-title">
        <h2 id="chat-variables-title" className="label">
          Variables
        </h2>
        <VariablesPanel
          variables={config.variables}
          values={values}
          problems={problems}
          onChange={setup.setVariable}
        />
      </aside>
    </div>
  );
}
