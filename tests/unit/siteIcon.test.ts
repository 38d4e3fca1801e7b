import { describe, expect, it } from 'vitest';
import { cachedFaviconUrl } from '../../src/ui/approval/siteIcon';

describe("the approval window's site icon", () => {
  it("uses Chrome's favicon cache when the extension holds the favicon permission", () => {
    expect(cachedFaviconUrl('https://app.uniswap.org', 'chrome-extension://abc/', ['storage', 'favicon'])).toBe('chrome-extension://abc/_favicon/?pageUrl=https%3A%2F%2Fapp.uniswap.org&size=32');
    expect(cachedFaviconUrl('http://localhost:5173', 'chrome-extension://abc', ['favicon'])).toBe('chrome-extension://abc/_favicon/?pageUrl=http%3A%2F%2Flocalhost%3A5173&size=32');
  });

  it('has none without the permission (Firefox) or for a non-web origin: the identicon is drawn instead', () => {
    expect(cachedFaviconUrl('https://app.uniswap.org', 'moz-extension://uuid/', ['storage'])).toBeNull();
    expect(cachedFaviconUrl('chrome-extension://other', 'chrome-extension://abc/', ['favicon'])).toBeNull();
  });
});
