import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The schemas the browser runs (drafts, presets, share snapshots) use zod's tree-shakeable build,
 * `zod/mini`: classic zod put 107 KB into the first load of the playground, the tokenizer and the
 * share page (docs/performance.md). Mini gives the same checks, but its messages are only the same
 * as classic zod's ("Invalid input: expected array, received string") once a locale is set; a
 * module that parses imports this one. Import zod/mini as `import * as z from "zod/mini"` in the
 * module that uses it: a namespace passed on (re-exported) keeps all of zod, every locale included.
 */
config(en());
