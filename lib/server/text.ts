/** Without C0 control characters and DEL: what Postgres text (no NUL) and a log line can hold. */
export function stripControl(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  return s.replace(/[\u0000-\u001f\u007f]/g, "");
}
