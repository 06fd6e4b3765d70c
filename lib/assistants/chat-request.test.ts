import { describe, expect, it } from "vitest";
import {
  chatInclude,
  conversationTitle,
  defaultValues,
  pendingOf,
  segmentTurns,
  turnBody,
  userMessage,
  variableProblems,
  variablesToSend,
} from "./chat-request";
import type { AssistantVariable } from "./schema";

const vars: AssistantVariable[] = [
  { name: "customer", type: "string", description: "" },
  { name: "tone", type: "enum", description: "", default: "friendly", options: ["friendly", "formal"] },
  { name: "limit", type: "integer", description: "", default: "3" },
  { name: "vip", type: "boolean", description: "", default: "false" },
];

describe("turn requests", () => {
  it("sends the prompt reference, conversation, input and includes", () => {
    const body = turnBody({
      assistantId: "asst_bt_000000000000000000000001",
      version: 2,
      variables: { customer: "Ada" },
      conversation: "conv_1",
      input: [userMessage("Hi")],
      include: chatInclude({ tools: [{ type: "file_search", vectorStoreIds: [], filters: "" }] }),
    });
    expect(body).toEqual({
      prompt: { id: "asst_bt_000000000000000000000001", version: "2", variables: { customer: "Ada" } },
      conversation: "conv_1",
      input: [{ type: "message", role: "user", content: [{ type: "input_text", text: "Hi" }] }],
      stream: true,
      include: ["file_search_call.results"],
    });
  });

  it("checks variables as the proxy would", () => {
    const values = defaultValues(vars);
    expect(values).toEqual({ customer: "", tone: "friendly", limit: "3", vip: "false" });
    expect(variableProblems(vars, values).map((p) => p.name)).toEqual(["customer"]);
    expect(
      variableProblems(vars, { customer: "Ada", tone: "rude", limit: "2.5", vip: "yes" }).map((p) => p.name),
    ).toEqual(["tone", "limit", "vip"]);
    expect(variablesToSend(vars, { ...values, customer: "Ada" })).toEqual({
      customer: "Ada",
      tone: "friendly",
      limit: "3",
      vip: "false",
    });
  });
});

describe("conversation items", () => {
  const items = [
    userMessage("Weather?"),
    { type: "function_call", id: "fc_1", call_id: "call_1", name: "w", arguments: "{}" },
    { type: "mcp_approval_request", id: "mcpr_1", server_label: "d", name: "t", arguments: "{}" },
  ];

  it("finds calls and approvals nothing answered yet", () => {
    expect(pendingOf(items).calls).toHaveLength(1);
    expect(pendingOf(items).approvals).toHaveLength(1);
    const answered = [
      ...items,
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: true },
    ];
    expect(pendingOf(answered)).toEqual({ calls: [], approvals: [] });
  });

  it("splits a conversation into turns at each run of input after output", () => {
    const all = [
      ...items,
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: true },
      { type: "message", role: "assistant", content: [] },
      userMessage("Thanks"),
      { type: "message", role: "assistant", content: [] },
    ];
    expect(segmentTurns(all).map((t) => t.length)).toEqual([3, 3, 2]);
  });

  it("titles a conversation by its first line", () => {
    expect(conversationTitle("  Hello\nthere")).toBe("Hello");
    expect(conversationTitle("")).toBe("New conversation");
    expect(conversationTitle("x".repeat(100))).toHaveLength(80);
  });
});

describe("open in playground", () => {
  it("carries instructions, tools, parameters and the messages so far", async () => {
    const { assistantToSetup } = await import("./chat-playground");
    const setup = assistantToSetup(
      {
        name: "A",
        description: "",
        model: "gpt-4.1",
        instructions: "Hi {{x}}",
        variables: [],
        tools: [
          { type: "function", name: "w", description: "", parameters: "{}", strict: true, mockOutput: "{}" },
          { type: "file_search", vectorStoreIds: ["vs_1"], filters: "" },
          {
            type: "mcp",
            serverLabel: "d",
            serverUrl: "https://m.test",
            allowedTools: null,
            requireApproval: "always",
            headerNames: ["X-Key"],
          },
        ],
        responseFormat: { type: "text" },
        temperature: 0.3,
        metadata: [],
      },
      "Hi Ada",
      [
        userMessage("Weather?"),
        { type: "function_call", call_id: "c1", name: "w", arguments: "{}" },
        { type: "function_call_output", call_id: "c1", output: "sunny" },
        { type: "mcp_call", name: "t", server_label: "d" },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Sunny." }] },
      ],
    );
    expect(setup.instructions).toBe("Hi Ada");
    expect(setup.model).toBe("gpt-4.1");
    expect(setup.params.temperature).toBe(0.3);
    expect(setup.tools.map((t) => t.name)).toEqual(["w"]);
    expect(setup.builtinTools.fileSearch).toEqual({ enabled: true, vectorStoreIds: ["vs_1"] });
    expect(setup.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "Weather?"],
      ["assistant", ""],
      ["tool", "sunny"],
      ["assistant", "Sunny."],
      ["user", ""],
    ]);
    expect(setup.messages[1]?.toolCalls).toEqual([{ id: "c1", name: "w", arguments: "{}" }]);
  });
});
