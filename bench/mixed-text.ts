/**
 * Mixed text for tokenizer benchmarks and tests: English prose, code, JSON, CJK, Cyrillic, Arabic,
 * emoji with modifiers and whitespace runs, cycled until it reaches the size asked for. Deterministic.
 */
const PARTS = [
  "The quick brown fox jumps over the lazy dog, and then it sat down to read the manual twice.\n",
  "export async function load(id: string): Promise<Item[]> {\n  const res = await fetch(url(id));\n  return (await res.json()) as Item[];\n}\n",
  '{"id": 12345, "name": "Widget", "tags": ["a", "b", "c"], "price": 9.99, "ok": true}\n',
  "東京都の天気は晴れです。今日は良い一日でした！我爱北京天安门。\n",
  "Привет, мир! Как дела? Всё хорошо, спасибо.\n",
  "مرحبا بالعالم، كيف حالك اليوم؟\n",
  "Emoji: 👩🏽‍💻 👨‍👩‍👧‍👦 👍🏿 🇯🇵 🏳️‍🌈 ❤️‍🔥 — done.\n",
  "    indented    with\t\ttabs   and   spaces    \n\n",
  "SELECT id, name FROM users WHERE created_at > '2024-01-01' ORDER BY id DESC LIMIT 50;\n",
];

export function mixedText(minChars: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < minChars; i++) {
    const part = PARTS[i % PARTS.length] as string;
    // A counter keeps the text from being one block repeated (numbers tokenize differently).
    const line = i % PARTS.length === 0 ? `${i}. ${part}` : part;
    out.push(line);
    length += line.length;
  }
  return out.join("");
}
