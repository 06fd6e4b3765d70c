import { expect, test } from "./fixtures";
import { AssistantChatPage, createAssistant, storeWithFile } from "./pages/assistants-chat";

/**
 * The test chat (docs/assistants-chat.md): each turn goes through the proxy as code would call the
 * assistant (the emulator refuses an unexpanded `prompt`, so a reply proves the expansion), and
 * every item shows as it streams.
 */

const FUNCTION_PARAMS = JSON.stringify({
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
  additionalProperties: false,
});

test("a conversation with every tool: function output and mock, file search, code download, MCP approval; reopen, share, open in playground, delete", async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const store = await storeWithFile(
    page,
    "travel.txt",
    "Travel expenses are refunded within 30 days of the trip.",
  );
  const { assistant } = await createAssistant(page, {
    name: `Chat ${Date.now()}`,
    description: "",
    model: "gpt-4o-mini",
    instructions: "Help {{customer}} in a {{tone}} tone.",
    variables: [
      { name: "customer", type: "string", description: "Who is asking" },
      { name: "tone", type: "enum", description: "", default: "friendly", options: ["friendly", "formal"] },
    ],
    tools: [
      {
        type: "function",
        name: "get_weather",
        description: "Weather for a city",
        parameters: FUNCTION_PARAMS,
        strict: true,
        mockOutput: '{"forecast":"sunny"}',
      },
      { type: "file_search", vectorStoreIds: [store], filters: "" },
      { type: "code_interpreter", container: { type: "auto", fileIds: [] } },
      {
        type: "mcp",
        serverLabel: "docs",
        serverUrl: "https://mcp.example.com/sse",
        allowedTools: null,
        requireApproval: "always",
        headerNames: [],
      },
    ],
    responseFormat: { type: "text" },
    metadata: [],
  });
  const chat = new AssistantChatPage(page);
  await chat.goto(assistant.id);

  // Variables: defaults prefilled, a missing required one blocks the send with a clear message.
  await expect(chat.variable("tone")).toHaveValue("friendly");
  await chat.send("[tool] weather in Oslo?");
  await expect(page.getByTestId("chat-blocked")).toContainText("customer");
  await expect(chat.items()).toHaveCount(0);
  await chat.variable("customer").fill("Ada");
  await expect(page).toHaveURL(/var\.customer=Ada/);
  await page.getByTestId("chat-send").click();

  // A function call waits for the person's output, then the conversation goes on.
  const call = chat.items("function_call");
  await expect(call).toContainText("get_weather");
  await expect(call).toContainText('"city"');
  await page.getByTestId("function-output").fill('{"forecast":"rain"}');
  await page.getByTestId("function-output-submit").click();
  await expect(chat.items("function_call_output")).toContainText("rain");
  await chat.settled();
  await expect(chat.items("message").last()).not.toContainText("[tool]");
  await expect(page).toHaveURL(/[?&]c=conv_/);

  // The saved mock answers the next call.
  await chat.send("[tool] and tomorrow?");
  await page.getByTestId("function-output-mock").click();
  await expect(chat.items("function_call_output").last()).toContainText("sunny");
  await chat.settled();

  // File search: results with scores and the cited chunk, footnotes on the answer.
  await chat.send("[file_search] are travel expenses refunded?");
  const search = chat.items("file_search_call");
  await expect(search.getByTestId("file-search-score").first()).toHaveText(/\d\.\d{3}/);
  await search.getByText("travel.txt").first().click();
  await expect(search).toContainText("refunded within 30 days");
  await expect(chat.items("message").last().getByTestId("chat-footnote").first()).toContainText("travel.txt");
  await chat.settled();

  // Code interpreter: code, logs, and the file it wrote downloads through the proxy.
  await chat.send("[code] count blue whales");
  const code = chat.items("code_interpreter_call");
  await expect(code).toContainText("count blue whales");
  await expect(code.getByTestId("code-logs")).toContainText("3 words");
  const download = page.waitForEvent("download");
  await code.getByTestId("code-file-download").click();
  expect((await download).suggestedFilename()).toBe("words.csv");
  await chat.settled();

  // MCP: tools listed, an approval answered inline, then the call's output.
  await chat.send("[mcp] rate limits");
  await expect(chat.items("mcp_list_tools")).toBeVisible();
  await expect(chat.items("mcp_approval_request")).toBeVisible();
  await page.getByTestId("mcp-approve").click();
  await expect(chat.items("mcp_call").getByTestId("mcp-output")).toBeVisible();
  await chat.settled();

  // View code: the same call, by the assistant's id, version and variables, in this conversation.
  await page.getByTestId("chat-view-code").click();
  const codeDialog = page.getByRole("dialog");
  await codeDialog.getByRole("tab", { name: "JSON" }).click();
  await expect(codeDialog).toContainText(assistant.id);
  await expect(codeDialog).toContainText('"customer": "Ada"');
  await expect(codeDialog).toContainText('"conversation": "conv_');
  await page.keyboard.press("Escape");

  // Every turn has its meta line, tagged with the version it ran.
  await expect(chat.metas().first()).toContainText("v1");
  await expect(chat.metas().first()).toContainText("first event");
  const shownItems = await chat.items().count();

  // Reload: the conversation is listed and reopens with its items.
  await page.reload();
  await expect(chat.conversations()).toHaveCount(1);
  await expect(chat.conversations().first()).toContainText("weather in Oslo");
  await expect(chat.items("code_interpreter_call")).toBeVisible();
  await page.goto(`/assistants/${assistant.id}/chat`);
  await expect(chat.items()).toHaveCount(0);
  await chat.conversations().first().getByRole("button").first().click();
  await expect(chat.items()).toHaveCount(shownItems);
  await expect(chat.metas().first()).toContainText("v1");

  // Share: the link renders the items read-only.
  await page.getByTestId("chat-share").click();
  await page.getByTestId("create-share").click();
  const link = await page.getByTestId("share-link").inputValue();
  await page.keyboard.press("Escape");
  await page.goto(new URL(link).pathname);
  await expect(page.getByTestId("shared-assistant")).toBeVisible();
  await expect(chat.items("file_search_call")).toBeVisible();
  await expect(chat.items("mcp_call")).toBeVisible();
  await expect(page.getByTestId("mcp-approve")).toHaveCount(0);

  // Open in playground: the version's instructions with the variables substituted.
  await page.goto(`/assistants/${assistant.id}/chat?var.customer=Grace`);
  await page.getByTestId("chat-open-playground").click();
  await expect(page).toHaveURL(/\/playground/);
  await expect(page.locator("#instructions")).toHaveValue("Help Grace in a friendly tone.");

  // Delete: gone from the list (and upstream).
  await page.goto(`/assistants/${assistant.id}/chat`);
  await chat.conversations().first().getByTestId("chat-conversation-delete").click();
  await page.getByTestId("confirm-ok").click();
  await expect(chat.conversations()).toHaveCount(0);
});
