"use client";

import { useEffect, useState } from "react";

type JsonSchemaModule = typeof import("@/lib/playground/json-schema");

let loaded: JsonSchemaModule | undefined;
let loading: Promise<JsonSchemaModule> | undefined;

/**
 * The JSON Schema validator, loaded on first use so that it stays out of the playground's first-load
 * JavaScript (most runs use no schema); undefined until it has arrived.
 */
export function useJsonSchema(): JsonSchemaModule | undefined {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loading ??= import("@/lib/playground/json-schema").then((m) => (loaded = m));
    loading.then(
      (m) => live && setMod(m),
      () => {
        // A failed chunk load (e.g. offline) leaves the checks off; the next mount tries again.
        loading = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
