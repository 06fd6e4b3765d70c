/** The console's sections, in sidebar order. */
export interface Section {
  id: string;
  href: string;
  label: string;
  summary: string;
}

export const SECTIONS: Section[] = [
  {
    id: "playground",
    href: "/playground",
    label: "Playground",
    summary:
      "Chat with any model over the Responses or Chat Completions API, with tools and structured outputs; compare setups side by side and share runs with teammates.",
  },
  {
    id: "tokenizer",
    href: "/tokenizer",
    label: "Tokenizer",
    summary:
      "See exactly how each model splits your text into tokens, with ids, counts and cost, for every encoding.",
  },
  {
    id: "history",
    href: "/history",
    label: "History",
    summary:
      "Every playground run you finish, kept for you alone: search it, reopen or rerun a run, diff two.",
  },
  {
    id: "images",
    href: "/images",
    label: "Images",
    summary: "Generate and edit images, with a mask brush for edits.",
  },
  {
    id: "assistants",
    href: "/assistants",
    label: "Assistants",
    summary: "Build assistants on the Responses and Conversations APIs, with instructions, tools and files.",
  },
  {
    id: "files",
    href: "/files",
    label: "Files",
    summary: "Upload, preview, download and delete files, including multi-gigabyte uploads in parts.",
  },
  {
    id: "vector-stores",
    href: "/vector-stores",
    label: "Vector stores",
    summary: "Create vector stores, add files, watch them process and try searches.",
  },
  {
    id: "fine-tuning",
    href: "/fine-tuning",
    label: "Fine-tuning",
    summary: "Follow fine-tuning jobs with their events, checkpoints and metric charts.",
  },
  {
    id: "usage",
    href: "/usage",
    label: "Usage",
    summary: "Token usage and cost per person, model and day, from Benchtop's own ledger of every call.",
  },
  {
    id: "limits",
    href: "/limits",
    label: "Limits",
    summary: "Rate limits seen from the upstream, and the budgets and limits set for each teammate.",
  },
  {
    id: "settings",
    href: "/settings",
    label: "Settings",
    summary: "Connection, personal access tokens, users and appearance.",
  },
];
