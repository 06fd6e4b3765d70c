import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import type { TokenDto } from "@/lib/types";
import type { TokenStatus } from "./token-status";

/** Columns a 390 px screen leaves out; the name cell repeats the prefix and last use under it. */
const WIDE = "hidden sm:table-cell";

/** The header labels of the cells below, for TableHead. */
export const TOKEN_COLUMNS = [
  "Name",
  { label: "Token", className: WIDE },
  { label: "Created", className: WIDE },
  { label: "Last used", className: WIDE },
  { label: "Expires", className: WIDE },
  "Status",
];

/** A token's cells from its name to its status: one row shape for your tokens and a user's. */
export function TokenCells({ token: t, status }: { token: TokenDto; status: TokenStatus }) {
  return (
    <>
      <td className="max-w-48 px-4 py-2">
        <div className="break-words font-medium">{t.name}</div>
        <div className="text-muted text-xs sm:hidden">
          <span className="whitespace-nowrap font-mono">{t.displayPrefix}</span> · used{" "}
          <When value={t.lastUsedAt} empty="never" relative />
        </div>
      </td>
      <td className={`whitespace-nowrap px-4 py-2 font-mono text-xs ${WIDE}`}>{t.displayPrefix}</td>
      <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>
        <When value={t.createdAt} />
      </td>
      <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>
        <When value={t.lastUsedAt} empty="never" relative />
      </td>
      <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>
        <When value={t.expiresAt} empty="never" />
      </td>
      <td className="px-4 py-2">
        <Badge tone={status.tone}>{status.label}</Badge>
      </td>
    </>
  );
}
