import { expect, test } from "./fixtures";
import { FineTuningCreatePage } from "./pages/fine-tuning-create";
import { emulator } from "./support/emulator";

const chat = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: `What is ${i} + ${i}?` },
      { role: "assistant", content: String(i + i) },
    ],
  });
const good = (n: number) => `${Array.from({ length: n }, (_, i) => chat(i)).join("\n")}\n`;

test.afterEach(async () => {
  await emulator.config({ fineTuningCreation: "allow" });
});

test("a bad file lists its line errors and jumping to one shows the line", async ({ page, signIn }) => {
  await signIn(page);
  const ft = new FineTuningCreatePage(page);
  await ft.fresh();
  const lines = good(12).trimEnd().split("\n");
  lines[3] = JSON.stringify({
    messages: [
      { role: "agent", content: "hi" },
      { role: "assistant", content: "x" },
    ],
  });
  lines[7] = "{not json";
  await ft.checkLocal("training", "bad.jsonl", `${lines.join("\n")}\n`);
  await expect(ft.issues("training").filter({ hasText: "Line 4" })).toContainText("unrecognized_role");
  await expect(ft.issues("training").filter({ hasText: "Line 8" })).toContainText("invalid_json");
  await expect(page.getByTestId("training-file-upload")).toBeDisabled();
  const view = await ft.jumpTo("training", 8);
  await expect(view.getByTestId("line-view-target")).toContainText("{not json");
  await expect(view).toContainText("What is 6 + 6?"); // line 7, a neighbour
});

test("a good file shows counts, epochs and cost, uploads, and creates a job", async ({ page, signIn }) => {
  await signIn(page);
  const ft = new FineTuningCreatePage(page);
  await ft.fresh();
  await ft.checkLocal("training", `train-${Date.now()}.jsonl`, good(20));
  const report = ft.report("training");
  await expect(report.getByTestId("training-file-report-examples")).toHaveText("20");
  await expect(report.getByTestId("training-file-report-epochs-auto-")).toHaveText("5");
  await expect(report.getByTestId("training-file-report-estimated-cost")).toContainText("$");
  await expect(report.getByTestId("training-file-report-verdict")).toHaveText("No errors.");
  await ft.upload("training");
  await ft.create();
  await expect(page).toHaveURL(/\/fine-tuning\/ftjob-/);
  const body = (await emulator.lastPost("/v1/fine_tuning/jobs")).json;
  expect(body.method).toEqual({ type: "supervised", supervised: { hyperparameters: {} } });
});

test("the split helper makes a training and a validation file", async ({ page, signIn }) => {
  await signIn(page);
  const ft = new FineTuningCreatePage(page);
  await ft.fresh();
  await ft.checkLocal("training", "all.jsonl", good(40));
  await page.getByTestId("split-amount").fill("25");
  await page.getByTestId("split-make").click();
  await expect(ft.slot("training")).toContainText("all.train.jsonl");
  await expect(ft.slot("validation")).toContainText("all.validation.jsonl");
  await expect(ft.report("training").getByTestId("training-file-report-examples")).toHaveText("30");
  await expect(ft.report("validation").getByTestId("validation-file-report-examples")).toHaveText("10");
});

test("a refused creation says why and what still works", async ({ page, signIn }) => {
  await signIn(page);
  const ft = new FineTuningCreatePage(page);
  await ft.fresh();
  await ft.checkLocal("training", `train-${Date.now()}.jsonl`, good(10));
  await ft.upload("training");
  await emulator.config({ fineTuningCreation: "refuse" });
  await ft.create();
  const refusal = ft.refusal();
  await expect(refusal).toHaveAttribute("data-kind", "wind_down");
  await expect(refusal.getByTestId("create-refusal-reason")).toContainText("2027-01-06");
  await expect(refusal.getByTestId("create-refusal-still-works")).toContainText("Export a job");
  await expect(page).toHaveURL(/\/fine-tuning\/new$/);
});

test("out-of-range hyperparameters are refused before anything is sent", async ({ page, signIn }) => {
  await signIn(page);
  const ft = new FineTuningCreatePage(page);
  await ft.fresh();
  await ft.method("DPO");
  await ft.hyperparameter("n_epochs", "60");
  await ft.hyperparameter("beta", "3");
  const posts = async () =>
    (await emulator.requests()).filter((r) => r.method === "POST" && r.path.includes("fine_tuning/jobs"))
      .length;
  const before = await posts();
  await ft.create();
  await expect(page.getByTestId("problem-hyperparameters.n_epochs")).toContainText("at most 50");
  await expect(page.getByTestId("problem-hyperparameters.beta")).toContainText("at most 2");
  await expect(page.getByTestId("create-blocked")).toBeVisible();
  expect(await posts()).toBe(before);
});
