/**
 * fetch, tried once more when a pooled keep-alive socket turns out closed. cli() runs execFileSync,
 * which blocks this worker's event loop; a socket the console closed for idleness meanwhile is
 * reused before its close is seen, and fails with "other side closed" before the request reaches
 * the server, so sending it again is safe (seen once on CI).
 */
export async function freshFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const stale = cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET";
    if (!stale) throw e;
    return fetch(input, init);
  }
}
