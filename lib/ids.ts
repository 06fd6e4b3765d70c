/** Ids for things the browser creates (messages, images, tools, columns): a prefix and 48 random bits. */
export function newId(prefix = "m"): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
