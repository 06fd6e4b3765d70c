"use client";

import { useId, useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { Tabs } from "@/components/ui/tabs";
import { type CodeLang, codeLangs, generateCode } from "@/lib/playground/code";
import type { BuildResult } from "@/lib/playground/request";

const LANGS: Record<
  CodeLang,
  { label: string; highlight: "bash" | "python" | "javascript" | "json"; title?: string }
> = {
  curl: { label: "curl", highlight: "bash" },
  python: { label: "Python", highlight: "python", title: "Python · openai SDK" },
  node: { label: "Node", highlight: "javascript", title: "Node · openai SDK" },
  json: { label: "JSON", highlight: "json", title: "Request body (JSON)" },
};

export interface CodeDialogProps {
  request: BuildResult;
  /** null: the request only works through Benchtop (an assistant's `prompt`), so no upstream target is offered. */
  upstreamBaseUrl: string | null;
  onClose(): void;
}

/**
 * The exact request of the current setup as code; the key comes from $OPENAI_API_KEY, never from
 * here. The SDK programs come first where the request has one.
 */
export function CodeDialog({ request, upstreamBaseUrl, onClose }: CodeDialogProps) {
  const langs = codeLangs(request);
  const [lang, setLang] = useState<CodeLang>(langs.includes("python") ? "python" : "curl");
  const [target, setTarget] = useState<"benchtop" | "upstream">("benchtop");
  const sendToId = useId();
  const baseUrl =
    target === "benchtop" || !upstreamBaseUrl ? `${window.location.origin}/api/v1` : upstreamBaseUrl;
  const code = generateCode(request, { kind: target, baseUrl }, lang);
  const shown = LANGS[lang];
  return (
    <Dialog
      title="View code"
      description="Sends exactly the body below. Set OPENAI_API_KEY in your environment first."
      onClose={onClose}
      size="lg"
    >
      <Tabs
        label="Language"
        look="pills"
        items={langs.map((id) => ({ id, label: LANGS[id].label }))}
        value={lang}
        onValueChange={setLang}
        panelClassName="space-y-3"
        aside={
          lang !== "json" &&
          upstreamBaseUrl && (
            <span className="flex items-center gap-2 text-xs">
              <span id={sendToId}>Send to</span>
              <Select
                aria-labelledby={sendToId}
                value={target}
                onValueChange={setTarget}
                options={[
                  { value: "benchtop", label: "Benchtop (personal token)" },
                  { value: "upstream", label: `Upstream directly (${new URL(upstreamBaseUrl).host})` },
                ]}
                data-testid="code-target"
              />
            </span>
          )
        }
      >
        {request.problems.length > 0 && (
          <p className="text-warning text-xs">
            This setup has problems the upstream will refuse:{" "}
            {request.problems.map((p) => p.message).join(" ")}
          </p>
        )}
        <CodeBlock
          code={code}
          lang={shown.highlight}
          title={shown.title}
          label={`${lang} code`}
          className="max-h-[60vh]"
        />
        {target === "benchtop" && lang !== "json" && (
          <p className="text-muted text-xs">
            Create a personal token under Settings → Tokens and export it as OPENAI_API_KEY.
          </p>
        )}
      </Tabs>
    </Dialog>
  );
}
