/**
 * Where the approval window takes a site's icon from, without asking the site: fetching
 * `<origin>/favicon.ico` would tell the site when its prompt is on screen (and let it choose what
 * the image shows). Chrome MV3 serves icons from its own favicon cache to extensions holding the
 * `favicon` permission (`chrome-extension://<id>/_favicon/?pageUrl=…&size=32`, no network request);
 * Firefox has no such cache for extensions, so the window draws an identicon of the origin there.
 */
export function cachedFaviconUrl(origin: string, extensionBase: string, permissions: readonly string[]): string | null {
  if (!permissions.includes('favicon') || !/^https?:\/\//.test(origin)) return null;
  const base = extensionBase.endsWith('/') ? extensionBase : `${extensionBase}/`;
  return `${base}_favicon/?pageUrl=${encodeURIComponent(origin)}&size=32`;
}
