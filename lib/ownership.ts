/**
 * Who may delete or change a shared file or vector store (docs/ownership.md). Pure rules, used by
 * the proxy before it forwards a request and by the console route that tells the pages what each
 * user may do, so the button and the proxy never disagree.
 */

/**
 * `model`: deleting a (fine-tuned) model. No owner is ever recorded for one, so it follows the rule
 * for objects with no owner: admins only, unless the team's setting lets members.
 */
export type OwnedKind = "file" | "vector_store" | "fine_tuning_job" | "model";

/**
 * The team's setting. `own`: members change only what they created, and objects with no owner
 * (made before Benchtop recorded owners, or outside it) only admins. `own_and_unowned`: members
 * may also change objects with no owner. `anyone`: members may delete and change anything.
 */
export const OWNERSHIP_POLICIES = ["own", "own_and_unowned", "anyone"] as const;
export type OwnershipPolicy = (typeof OWNERSHIP_POLICIES)[number];
export const DEFAULT_OWNERSHIP_POLICY: OwnershipPolicy = "own";

export interface Owner {
  userId: string;
  name: string;
  email: string;
}

/** What the pages are told per object: its owner and whether the caller may delete or change it. */
export interface Ownership {
  owner: Owner | null;
  allowed: boolean;
  /** Why not, in the words the proxy's 403 uses; null when allowed. */
  reason: string | null;
}

export interface OwnershipTarget {
  kind: OwnedKind;
  id: string;
  action: "delete" | "change";
}

/**
 * Fails closed: any write under `fine_tuning/jobs/{id}` (cancel, pause, resume, and any other path a
 * lenient compatible server might route, in any case) is a change of that job.
 */
function jobTarget(method: string, path: string): OwnershipTarget | null {
  if (method === "GET" || method === "HEAD") return null;
  const [family, jobs, id] = path.split("/");
  if (family?.toLowerCase() !== "fine_tuning" || jobs?.toLowerCase() !== "jobs" || !id) return null;
  return { kind: "fine_tuning_job", id, action: "change" };
}

/**
 * The owned object a proxied request deletes or changes, or null for anything else. Files: delete.
 * Vector stores: delete, modify (rename, expiry, metadata), and every write to what is in them
 * (adding, removing or re-tagging files, cancelling a batch); a search is a read. Fine-tuning jobs:
 * cancel, pause, resume and any other write under the job's path. Models: delete.
 */
export function ownershipTarget(method: string, path: string): OwnershipTarget | null {
  const job = jobTarget(method, path);
  if (job) return job;
  const [family, id, sub] = path.split("/");
  if (!id) return null;
  if (family?.toLowerCase() === "models")
    return method === "DELETE"
      ? { kind: "model", id: path.slice(family.length + 1), action: "delete" }
      : null;
  if (family === "files") return method === "DELETE" && !sub ? { kind: "file", id, action: "delete" } : null;
  if (family !== "vector_stores" || method === "GET" || sub === "search") return null;
  return { kind: "vector_store", id, action: method === "DELETE" && !sub ? "delete" : "change" };
}

/** The kind of object a successful proxied request creates (and so gets an owner), or null. */
export function createdKind(method: string, path: string): OwnedKind | null {
  if (method !== "POST") return null;
  if (path === "files" || /^uploads\/[^/]+\/complete$/.test(path)) return "file";
  if (path === "vector_stores") return "vector_store";
  if (path === "fine_tuning/jobs") return "fine_tuning_job";
  return null;
}

const NOUN: Record<OwnedKind, string> = {
  file: "file",
  vector_store: "vector store",
  fine_tuning_job: "fine-tuning job",
  model: "model",
};

/** Why `actor` may not do `action` to an object owned by `owner` under `policy`, or null when they may. */
export function refusal(
  actor: { id: string; role: "admin" | "member" },
  owner: Owner | null,
  policy: OwnershipPolicy,
  kind: OwnedKind,
  action: OwnershipTarget["action"],
): string | null {
  if (actor.role === "admin" || policy === "anyone") return null;
  if (owner?.userId === actor.id) return null;
  const verb =
    action === "delete" ? "delete" : kind === "fine_tuning_job" ? "cancel, pause or resume" : "change";
  if (!owner) {
    if (policy === "own_and_unowned") return null;
    if (kind === "model")
      return "Models have no owner in Benchtop, so only admins can delete them. Ask an admin to delete it, or an admin can let members delete objects with no owner in Settings → Models & sharing.";
    return `This ${NOUN[kind]} has no owner in Benchtop (it was created before Benchtop recorded owners, or outside it), so only admins can ${verb} it. An admin can let members change such objects in Settings → Models & sharing.`;
  }
  return `Only its owner (${owner.name || owner.email}) or an admin can ${verb} this ${NOUN[kind]}. An admin can let members change anything in Settings → Models & sharing.`;
}
