import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeUrl } from "./markdown";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("Markdown: what a reply cannot do", () => {
  it("shows raw HTML as text, never as elements", () => {
    const out = html(
      'Hi <script>alert(1)</script> and <img src=x onerror="alert(2)">\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(out).not.toMatch(/<script|<img|<iframe/i);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).not.toMatch(/<[^>]+\son\w+=/i);
  });

  it("drops javascript:, data: and vbscript: links but keeps their text", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "&#106;avascript:alert(1)",
    ]) {
      const out = html(`[click me](${url})`);
      expect(out, url).toContain("click me");
      expect(out, url).not.toMatch(/href=/);
    }
    expect(html("<javascript:alert(1)>")).not.toMatch(/href=/);
  });

  it("opens http(s) links in a new tab without an opener, mailto in place", () => {
    const out = html("[docs](https://platform.openai.com/docs) and [mail](mailto:a@b.test)");
    expect(out).toMatch(
      /<a href="https:\/\/platform.openai.com\/docs"[^>]* target="_blank" rel="noopener noreferrer">docs</,
    );
    expect(out).toMatch(/<a href="mailto:a@b.test" class="[^"]*">mail</);
    expect(out).not.toMatch(/mailto:a@b.test"[^>]*target/);
  });

  it("never fetches an image: it becomes a link, and a data: image nothing", () => {
    const out = html("![a cat](https://images.test/cat.png) ![pixel](data:image/png;base64,AAAA)");
    expect(out).not.toContain("<img");
    expect(out).toContain('href="https://images.test/cat.png"');
    expect(out).toContain("Image: a cat");
    expect(out).toContain("Image: pixel");
    expect(out).not.toContain("data:image");
  });

  it("keeps no event handlers, styles or ids a reply could use to reach the page", () => {
    const out = html('<div onclick="x()" style="position:fixed" id="run">x</div>\n\n# Heading {#run}');
    expect(out).not.toMatch(/<[^>]+(\son\w+=|style="position|id="run")/);
    expect(out).toContain("&lt;div onclick=");
  });

  it("accepts only absolute http(s) and mailto URLs", () => {
    expect(safeUrl("https://a.test/x")).toBe("https://a.test/x");
    expect(safeUrl("mailto:x@y.test")).toBe("mailto:x@y.test");
    expect(safeUrl("/api/v1/files")).toBe("");
    expect(safeUrl("//evil.test")).toBe("");
    expect(safeUrl("javascript:alert(1)")).toBe("");
  });
});

describe("Markdown: what it renders", () => {
  it("renders GFM tables with alignment", () => {
    const out = html("| model | price |\n| :-- | --: |\n| gpt-4o | $2.50 |\n| o3 | ~~$10~~ $2 |");
    expect(out).toContain("<table");
    expect(out).toMatch(/<th[^>]*>model<\/th>/);
    expect(out).toMatch(/<td[^>]*text-align:right[^>]*>\$2.50<\/td>/);
    expect(out).toContain("<del>$10</del>");
  });

  it("renders task lists as disabled checkboxes", () => {
    const out = html("- [x] done\n- [ ] todo");
    expect(out.match(/<input[^>]*type="checkbox"[^>]*>/g)).toHaveLength(2);
    expect(out).toMatch(/<input[^>]*checked[^>]*disabled|<input[^>]*disabled[^>]*checked/);
  });

  it("renders fenced code as a code block with a copy button and its language, inline code inline", () => {
    const out = html("Run `npm test`:\n\n```ts\nconst a = 1 < 2;\n```\n\n```\nplain\n```");
    expect(out).toContain('<code class="');
    expect(out).toContain(">npm test</code>");
    expect(out).toContain('aria-label="ts block"');
    expect(out).toContain("const a = 1 &lt; 2;");
    expect(out).toContain("Copy code");
    expect(out).toContain('aria-label="Code block"');
  });

  it("renders the same text whole or block by block", () => {
    const text = "# Title\n\nSome *text*.\n\n- a\n\n- b\n\n```py\nx = 1\n\n\ny = 2\n```\n\n> quote\n\nEnd.";
    expect(html(text)).toContain("<h1>Title</h1>");
    expect(html(text)).toContain("x = 1\n\n\ny = 2");
    expect(html(text)).toContain("<blockquote>");
  });
});
