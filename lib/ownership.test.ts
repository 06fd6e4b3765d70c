import { describe, expect, it } from "vitest";
import { createdKind, type Owner, ownershipTarget, refusal } from "./ownership";

const ada: Owner = { userId: "u_ada", name: "Ada", email: "ada@example.com" };
const member = { id: "u_bob", role: "member" as const };
const admin = { id: "u_root", role: "admin" as const };

describe("ownershipTarget", () => {
  it("guards deleting a file, and every write to a vector store but search", () => {
    expect(ownershipTarget("DELETE", "files/file-1")).toEqual({
      kind: "file",
      id: "file-1",
      action: "delete",
    });
    expect(ownershipTarget("GET", "files/file-1")).toBeNull();
    expect(ownershipTarget("GET", "files/file-1/content")).toBeNull();
    expect(ownershipTarget("POST", "files")).toBeNull();
    expect(ownershipTarget("DELETE", "vector_stores/vs_1")).toEqual({
      kind: "vector_store",
      id: "vs_1",
      action: "delete",
    });
    expect(ownershipTarget("POST", "vector_stores/vs_1")?.action).toBe("change");
    expect(ownershipTarget("POST", "vector_stores/vs_1/files")?.action).toBe("change");
    expect(ownershipTarget("DELETE", "vector_stores/vs_1/files/file-1")?.action).toBe("change");
    expect(ownershipTarget("POST", "vector_stores/vs_1/search")).toBeNull();
    expect(ownershipTarget("GET", "vector_stores/vs_1/files")).toBeNull();
    expect(ownershipTarget("POST", "vector_stores")).toBeNull();
  });

  it("guards cancelling, pausing and resuming a fine-tuning job; reads and creates pass", () => {
    for (const action of ["cancel", "pause", "resume"])
      expect(ownershipTarget("POST", `fine_tuning/jobs/ftjob-1/${action}`)).toEqual({
        kind: "fine_tuning_job",
        id: "ftjob-1",
        action: "change",
      });
    expect(ownershipTarget("DELETE", "models/ft:gpt-4o-mini:org::abc")).toEqual({
      kind: "model",
      id: "ft:gpt-4o-mini:org::abc",
      action: "delete",
    });
    expect(ownershipTarget("DELETE", "Models/x")).toMatchObject({ kind: "model", id: "x" });
    expect(ownershipTarget("GET", "models/ft:gpt-4o-mini:org::abc")).toBeNull();
    expect(ownershipTarget("POST", "fine_tuning/jobs")).toBeNull();
    expect(ownershipTarget("GET", "fine_tuning/jobs/ftjob-1")).toBeNull();
    expect(ownershipTarget("GET", "fine_tuning/jobs/ftjob-1/events")).toBeNull();
    expect(ownershipTarget("GET", "fine_tuning/jobs/ftjob-1/cancel")).toBeNull();
    // Fail closed: any other write under a job, in any case, is a change of it.
    for (const [method, path] of [
      ["POST", "fine_tuning/jobs/ftjob-1/other"],
      ["POST", "fine_tuning/jobs/ftjob-1/Cancel"],
      ["POST", "fine_tuning/jobs/ftjob-1/CANCEL"],
      ["POST", "fine_tuning/jobs/ftjob-1/cancel/x"],
      ["POST", "Fine_Tuning/JOBS/ftjob-1/cancel"],
      ["POST", "fine_tuning/jobs/ftjob-1"],
      ["DELETE", "fine_tuning/jobs/ftjob-1"],
    ])
      expect(ownershipTarget(method ?? "", path ?? "")).toEqual({
        kind: "fine_tuning_job",
        id: "ftjob-1",
        action: "change",
      });
    expect(ownershipTarget("POST", "fine_tuning/alpha/graders/run")).toBeNull();
  });
});

describe("createdKind", () => {
  it("names what a create call makes", () => {
    expect(createdKind("POST", "files")).toBe("file");
    expect(createdKind("POST", "uploads/upload_1/complete")).toBe("file");
    expect(createdKind("POST", "uploads/upload_1/parts")).toBeNull();
    expect(createdKind("POST", "vector_stores")).toBe("vector_store");
    expect(createdKind("POST", "vector_stores/vs_1")).toBeNull();
    expect(createdKind("GET", "files")).toBeNull();
    expect(createdKind("POST", "fine_tuning/jobs")).toBe("fine_tuning_job");
    expect(createdKind("POST", "fine_tuning/jobs/ftjob-1/cancel")).toBeNull();
    expect(createdKind("GET", "fine_tuning/jobs")).toBeNull();
  });
});

describe("refusal", () => {
  it("lets owners and admins through, and names the owner to anyone else", () => {
    expect(refusal({ id: "u_ada", role: "member" }, ada, "own", "file", "delete")).toBeNull();
    expect(refusal(admin, ada, "own", "file", "delete")).toBeNull();
    expect(refusal(member, ada, "own", "file", "delete")).toMatch(
      /^Only its owner \(Ada\) or an admin can delete this file\./,
    );
    expect(refusal(member, ada, "own_and_unowned", "vector_store", "change")).toMatch(
      /change this vector store/,
    );
    expect(refusal(member, ada, "anyone", "file", "delete")).toBeNull();
    expect(refusal(member, ada, "own", "fine_tuning_job", "change")).toMatch(
      /^Only its owner \(Ada\) or an admin can cancel, pause or resume this fine-tuning job\./,
    );
    expect(refusal(admin, null, "own", "fine_tuning_job", "change")).toBeNull();
  });

  it("keeps objects without an owner for admins unless the team says otherwise", () => {
    expect(refusal(member, null, "own", "file", "delete")).toMatch(/no owner.*only admins can delete it/);
    expect(refusal(admin, null, "own", "file", "delete")).toBeNull();
    expect(refusal(member, null, "own_and_unowned", "file", "delete")).toBeNull();
    expect(refusal(member, null, "anyone", "vector_store", "delete")).toBeNull();
  });
});
