import type { ResolvedModel } from "@/lib/models/catalogue";
import type { AssistantConfig } from "./schema";
import { type ConfigIssue, validateConfig } from "./validate";

/**
 * The builder's live issue list. validateConfig is the server part's (the save route runs the same
 * function); while its stub throws, the builder shows nothing rather than failing to render.
 */
export function liveIssues(config: AssistantConfig, model: ResolvedModel): ConfigIssue[] {
  try {
    return validateConfig(config, model);
  } catch {
    return [];
  }
}
