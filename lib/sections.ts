/** The console's sections, in sidebar order. `built` flips as each feature lands. */
export interface Section {
  id: string;
  href: string;
  label: string;
  summary: string;
  built: boolean;
}

export const SECTIONS: Section[] = [
  {
    id: "playground",
    href: "/playground",
    label: "Playground",
    built: true,
    summary:
      "Chat with any model over the Responses or Chat Completions API, with tools and structured outputs; compare setups side by side and share runs with teammates.",
  },
  {
    id: "tokenizer",
    href: "/tokenizer",
    label: "Tokenizer",
    built: true,
    summary:
      "See exactly how each model splits your text into tokens, with ids, counts and cost, for every encoding.",
  },
  {
    id: "history",
    href: "/history",
    label: "History",
    built: true,
    summary:
      "Every playground run you finish, kept for you alone: search it, reopen or rerun a run, diff two.",
  },
  {
    id: "images",
    href: "/images",
    label: "Images",
    built: true,
    summary: "Generate and edit images, with a mask brush for edits.",
  },
  {
    id: "assistants",
    href: "/assistants",
    label: "Assistants",
    built: true,
    summary: "Build assistants on the Responses and Conversations APIs, with instructions, tools and files.",
  },
  {
    id: "files",
    href: "/files",
    label: "Files",
    built: true,
    summary: "Upload, preview, download and delete files, including multi-gigabyte uploads in parts.",
  },
  {
    id: "vector-stores",
    href: "/vector-stores",
    label: "Vector stores",
    built: true,
    summary: "Create vector stores, add files, watch them process and try searches.",
  },
  {
    id: "fine-tuning",
    href: "/fine-tuning",
    label: "Fine-tuning",
    built: true,
    summary: "Follow fine-tuning jobs with their events, checkpoints and metric charts.",
  },
  {
    id: "usage",
    href: "/usage",
    label: "Usage",
    built: false,
    summary: "Token usage and cost per person, model and day, from Benchtop's own ledger of every call.",
  },
  {
    id: "limits",
    href: "/limits",
    label: "Limits",
    built: false,
    summary: "Rate limits seen from the upstream, and the budgets and limits set for each teammate.",
  },
  {
    id: "settings",
    href: "/settings",
    label: "Settings",
    built: true,
    summary: "Connection, personal access tokens, users and appearance.",
  },
];
