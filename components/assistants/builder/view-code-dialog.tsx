"use client";

import { useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { Dialog } from "@/components/ui/dialog";
import { Tabs } from "@/components/ui/tabs";
import { callById } from "@/lib/assistants/builder";
import type { AssistantConfig } from "@/lib/assistants/schema";
import { type CodeLang, generateCode } from "@/lib/playground/code";

const LANGS = {
  node: { label: "TypeScript", highlight: "javascript", title: "TypeScript · openai SDK" },
  python: { label: "Python", highlight: "python", title: "Python · openai SDK" },
  curl: { label: "curl", highlight: "bash", title: "curl" },
} as const;
type Lang = keyof typeof LANGS & CodeLang;

/**
 * The SDK call naming this assistant by id, through this console's proxy (the playground's code
 * generators). Only ids and variable defaults appear: MCP header values never reach the browser.
 */
export function ViewCodeDialog({
  id,
  config,
  version,
  onClose,
}: {
  id: string;
  config: AssistantConfig;
  /** Pin a version; without it the call gets the production version (or the latest). */
  version?: number;
  onClose(): void;
}) {
  const [lang, setLang] = useState<Lang>("node");
  const target = {
    kind: "benchtop" as const,
    baseUrl: `${window.location.origin}/api/v1`,
    keyEnv: "BENCHTOP_TOKEN",
  };
  const code = generateCode(callById(id, config, version), target, lang);
  return (
    <Dialog
      title="Call this assistant"
      description={
        <>
          Set <code>BENCHTOP_TOKEN</code> to your personal Benchtop token (bt_pat_…). Benchtop expands{" "}
          <code>prompt</code> into the {version ? `version ${version}` : "production (or latest)"} model,
          instructions, tools and settings.
        </>
      }
      onClose={onClose}
      size="lg"
    >
      <Tabs
        label="Language"
        look="pills"
        items={(Object.keys(LANGS) as Lang[]).map((l) => ({ id: l, label: LANGS[l].label }))}
        value={lang}
        onValueChange={setLang}
        panelClassName="space-y-3"
      >
        <CodeBlock
          code={code}
          lang={LANGS[lang].highlight}
          title={LANGS[lang].title}
          label={`${LANGS[lang].label} code`}
        />
      </Tabs>
    </Dialog>
  );
}
