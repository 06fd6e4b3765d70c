"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CodeDialog } from "@/components/editors/code-dialog";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { asBuiltRequest, assistantToSetup } from "@/lib/assistants/chat-playground";
import { chatInclude, turnBody, userMessage, variablesToSend } from "@/lib/assistants/chat-request";
import type { AssistantConfig, AssistantDetail } from "@/lib/assistants/schema";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { ChatShareDialog } from "./share";
import { allItems, useChat } from "./store";
import type { VersionChoice } from "./use-chat-setup";

export interface ChatToolbarProps {
  detail: AssistantDetail;
  choice: VersionChoice;
  version: number;
  config: AssistantConfig;
  values: Record<string, string>;
  canSharePublicly: boolean;
  resolve(model: string): ResolvedModel;
  onChoice(c: VersionChoice): void;
}

/** The version the chat calls, and what can be done with the conversation: open in playground, view code, share. */
export function ChatToolbar(p: ChatToolbarProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"code" | "share" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const head = p.detail.assistant;
  const conversation = useChat((s) => s.conversationId);
  const hasTurns = useChat((s) => s.turns.length > 0);
  const body = () => {
    const items = allItems(useChat.getState().turns);
    const lastUser = [...items].reverse().find((i) => i.type === "message" && i.role === "user");
    const text = (lastUser?.content as { text?: string }[] | undefined)?.[0]?.text ?? "Hello!";
    return turnBody({
      assistantId: head.id,
      version: p.version,
      variables: variablesToSend(p.config.variables, p.values),
      conversation: conversation ?? "conv_your_conversation_id",
      input: [userMessage(text)],
      include: chatInclude(p.config),
    });
  };
  const openInPlayground = async () => {
    setProblem(null);
    try {
      const [{ substituteVariables }, { usePlayground }, { restoreSetup }] = await Promise.all([
        import("@/lib/assistants/expand"),
        import("@/components/playground/store"),
        import("@/lib/playground/snapshot"),
      ]);
      const instructions = substituteVariables(p.config, variablesToSend(p.config.variables, p.values));
      const setup = assistantToSetup(p.config, instructions, allItems(useChat.getState().turns));
      const state = usePlayground.getState();
      const draft = state.setup;
      const hasDraft = draft.messages.some((m) => m.content.trim()) || draft.instructions.trim();
      const ok =
        !hasDraft ||
        (await confirm({
          title: "Replace your playground draft?",
          description:
            "Your current draft is replaced with this version and conversation. Save it as a preset first to keep it.",
          confirmLabel: "Replace",
        }));
      if (!ok) return;
      state.replaceSetup(restoreSetup(setup));
      state.setCompare(false);
      router.push("/playground");
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const options = [
    {
      value: "production",
      // With no production version marked, a call without `version` runs the latest.
      label:
        head.productionVersion === null
          ? `Default: latest (v${head.latestVersion})`
          : `Production (v${head.productionVersion})`,
    },
    { value: "latest", label: `Latest (v${head.latestVersion})` },
    ...p.detail.versions.map((v) => ({
      value: String(v.version),
      label: `v${v.version}${v.note ? ` · ${v.note}` : ""}`,
    })),
  ];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2 text-xs">
        <span className="text-muted">Version</span>
        <select
          className="input h-7 w-auto text-xs"
          value={p.choice}
          onChange={(e) => p.onChoice(e.target.value as VersionChoice)}
          data-testid="chat-version"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <span className="flex-1" />
      <Button size="sm" onClick={() => void openInPlayground()} data-testid="chat-open-playground">
        Open in playground
      </Button>
      <Button size="sm" onClick={() => setDialog("code")} data-testid="chat-view-code">
        View code
      </Button>
      <Button size="sm" onClick={() => setDialog("share")} disabled={!hasTurns} data-testid="chat-share">
        Share
      </Button>
      {problem && (
        <p role="alert" className="w-full text-danger text-xs">
          Could not open in the playground: {problem}
        </p>
      )}
      {dialog === "code" && (
        <CodeDialog request={asBuiltRequest(body())} upstreamBaseUrl={null} onClose={() => setDialog(null)} />
      )}
      {dialog === "share" && (
        <ChatShareDialog
          assistant={{ id: head.id, name: p.config.name || head.name, version: p.version }}
          resolve={p.resolve}
          canSharePublicly={p.canSharePublicly}
          onClose={() => setDialog(null)}
        />
      )}
      {confirmDialog}
    </div>
  );
}
