/**
 * The popup's NFT picture asks before any remote load (security checklist: remote images only after
 * consent): rendered with Preact (React's API, as the popup ships) into a linkedom document, a data:image shows at once; an https or
 * ipfs-gateway image is no <img> (so no request, no IP leak) until its own "Show image" is clicked,
 * and then loads without a referrer.
 */
import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageHost, isInlineImage, NftImage } from '../../src/ui/popup/NftImage';

const DATA_IMAGE = 'data:image/png;base64,iVBORw0KGgo=';
const REMOTE = 'https://nft.example/kitten.png';
const IPFS = 'https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

let doc: Document;
let root: Root;
let host: HTMLElement;

beforeEach(() => {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
  host = doc.getElementById('root') as HTMLElement;
  root = createRoot(host);
});
afterEach(() => {
  void act(() => root.unmount());
});

const render = (items: Array<{ src: string; alt: string }>): void => {
  // Synchronous callback: preact's act() flushes the render and effects before it returns.
  void act(() => root.render(createElement('ul', null, ...items.map((p) => createElement('li', { key: p.alt, 'data-alt': p.alt }, createElement(NftImage, p))))));
};

const imgs = (): HTMLImageElement[] => [...host.querySelectorAll('img')] as HTMLImageElement[];

describe('NftImage consent', () => {
  it('a data:image shows at once, with no consent button', () => {
    render([{ src: DATA_IMAGE, alt: 'inline' }]);
    expect(imgs().map((i) => i.getAttribute('src'))).toEqual([DATA_IMAGE]);
    expect(host.querySelector('[data-testid="nft-image-show"]')).toBeNull();
  });

  it('a remote image is not in the page until its own "Show image" is clicked; then it loads with no referrer', () => {
    render([
      { src: REMOTE, alt: 'remote' },
      { src: IPFS, alt: 'ipfs' },
    ]);
    expect(imgs()).toEqual([]);
    expect(host.querySelectorAll('[data-testid="nft-image-show"]')).toHaveLength(2);
    expect(host.textContent).toContain('Show image');
    expect(host.textContent).toContain('nft.example');
    expect(host.textContent).toContain('IP address');

    const remoteItem = host.querySelector('[data-alt="remote"]')!;
    act(() => (remoteItem.querySelector('[data-testid="nft-image-show"]') as HTMLButtonElement).click());
    // Only the clicked item loads; the other still waits for its own consent.
    expect(imgs().map((i) => i.getAttribute('src'))).toEqual([REMOTE]);
    // linkedom keeps React's attribute spelling (referrerPolicy); HTML attribute names are case-insensitive.
    expect(imgs()[0]!.outerHTML).toMatch(/ referrerpolicy="no-referrer"/i);
    expect(host.querySelector('[data-alt="ipfs"] [data-testid="nft-image-show"]')).not.toBeNull();
    expect(host.querySelector('[data-alt="ipfs"] img')).toBeNull();
  });

  it('classifies sources and names the host', () => {
    expect(isInlineImage(DATA_IMAGE)).toBe(true);
    expect(isInlineImage('data:image/svg+xml;base64,PHN2Zy8+')).toBe(true);
    expect(isInlineImage(REMOTE)).toBe(false);
    expect(isInlineImage(IPFS)).toBe(false);
    expect(imageHost(IPFS)).toBe('ipfs.io');
    expect(imageHost(REMOTE)).toBe('nft.example');
  });
});
