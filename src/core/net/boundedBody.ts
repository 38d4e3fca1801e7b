/**
 * Reads an HTTP response body with a hard size cap: a declared Content-Length over the cap is
 * refused before reading, and the stream is cancelled as soon as the bytes read pass the cap, so a
 * hostile or broken server cannot make the wallet buffer more than `max` bytes (res.text() or
 * res.arrayBuffer() would read everything first and only then let the caller check the size).
 */

/** The body's bytes, or undefined when it is (or declares itself) larger than `max`. */
export async function boundedBytes(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
