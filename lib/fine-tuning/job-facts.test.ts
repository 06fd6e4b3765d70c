import { describe, expect, it } from "vitest";
import {
  daysLeft,
  estimatedFinish,
  failureGuidance,
  filterJobs,
  jobFiltersFromSearch,
  jobFiltersToSearch,
  methodOf,
  NO_JOB_FILTERS,
  statusInfo,
  timeline,
} from "./job-facts";
import type { Job } from "./types";

const job = (over: Partial<Job>): Job =>
  ({
    id: "ftjob-1",
    model: "gpt-4.1-mini",
    status: "running",
    created_at: 100,
    finished_at: null,
    ...over,
  }) as Job;

describe("job facts", () => {
  it("names every status, unknown ones by their own name", () => {
    expect(statusInfo("paused").label).toBe("Paused");
    expect(statusInfo("pausing").tone).toBe("warning");
    expect(statusInfo("being_archived")).toEqual({ label: "being archived", tone: "neutral" });
  });
  it("reads the method, supervised when absent", () => {
    expect(methodOf(job({}))).toBe("supervised");
    expect(methodOf(job({ method: { type: "dpo" } }))).toBe("dpo");
  });
  it("counts days left", () => {
    expect(daysLeft("2027-01-14", "2027-01-04")).toBe(10);
    expect(daysLeft("2027-01-01", "2027-01-04")).toBe(-3);
  });
  it("keeps an estimated finish only while the job can change", () => {
    expect(estimatedFinish(job({ estimated_finish: 500 }))).toBe(500);
    expect(estimatedFinish(job({ status: "succeeded", estimated_finish: 500 }))).toBeNull();
  });
  it("round-trips filters through the URL and filters jobs", () => {
    const f = { ...NO_JOB_FILTERS, status: "running", mine: true, metadata: { team: "a=b" } };
    expect(jobFiltersFromSearch(new URLSearchParams(jobFiltersToSearch(f)))).toEqual(f);
    const jobs = [job({ id: "a" }), job({ id: "b", status: "failed" }), job({ id: "c" })];
    const owner = (id: string) => (id === "a" ? "me" : "other");
    expect(filterJobs(jobs, f, owner, "me").map((j) => j.id)).toEqual(["a"]);
    expect(filterJobs(jobs, { ...NO_JOB_FILTERS, method: "dpo" }, owner, "me")).toEqual([]);
  });
  it("guides by error code and param", () => {
    expect(failureGuidance({ code: "invalid_training_file", param: "training_file" }).fixInCreate).toBe(true);
    expect(failureGuidance({ code: "insufficient_quota" }).title).toMatch(/quota/);
    expect(failureGuidance({ code: "model_not_available", param: "model" }).title).toMatch(/model/);
    expect(failureGuidance({ code: "weird", message: "x" }).title).toBe("The job failed");
  });
  it("builds the timeline from message events", () => {
    const events = [
      { type: "message", message: "Created fine-tuning job: ftjob-1", created_at: 100 },
      { type: "message", message: "Validating training file: file-1", created_at: 101 },
      { type: "message", message: "Files validated, moving job to queued state", created_at: 102 },
      { type: "message", message: "Fine-tuning job started", created_at: 103 },
      { type: "metrics", message: "Step 1/3", created_at: 104 },
      { type: "message", message: "Pausing fine-tuning job", created_at: 105 },
      { type: "message", message: "Fine-tuning job paused", created_at: 105 },
      { type: "message", message: "Fine-tuning job resumed", created_at: 106 },
      { type: "message", message: "The job has successfully completed", created_at: 110 },
    ];
    const t = timeline(job({ status: "succeeded", finished_at: 110 }), events);
    expect(t.map((s) => s.status)).toEqual([
      "validating_files",
      "queued",
      "running",
      "pausing",
      "paused",
      "running",
      "succeeded",
    ]);
    expect(timeline(job({}), []).map((s) => s.status)).toEqual(["validating_files", "running"]);
    const failed = [
      { type: "message", message: "The job failed due to an invalid validation file", created_at: 103 },
    ];
    expect(timeline(job({ status: "failed", finished_at: 103 }), failed).map((s) => s.status)).toEqual([
      "validating_files",
      "failed",
    ]);
  });
});
