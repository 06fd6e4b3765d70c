import type { ResolvedModel } from "@/lib/models/catalogue";
import type { AssistantConfig } from "./schema";

/**
 * What a version would send that its model refuses or that cannot work, from the model catalogue
 * (data, never a branch per model): sampling on a model without it, a tool type the model does not
 * take on Responses, reasoning settings on a non-reasoning model, a JSON schema on a model without
 * structured outputs, a `{{variable}}` not declared (or declared and unused), JSON text that does
 * not parse. CONTRACT STUB: the server part implements it; the builder shows the list, the save
 * route refuses `error`s and keeps `warning`s.
 */

export interface ConfigIssue {
  level: "error" | "warning";
  /** A dotted path into the config: `temperature`, `tools.2.parameters`, `variables.city`. */
  path: string;
  message: string;
}

/** `model`: resolved with the admin's overrides (`useModels()` in the browser; a model nobody knows gets the defaults). */
export function validateConfig(_config: AssistantConfig, _model: ResolvedModel): ConfigIssue[] {
  throw new Error("not implemented yet");
}
