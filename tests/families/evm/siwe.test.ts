import { describe, expect, it } from 'vitest';
import { stringToHex } from 'viem';
import { parsePersonalSign } from '../../../src/families/evm/core/personalSign.ts';
import { analyzeSiwe, checkSiweMessage, parseSiweMessage, type SiweMessage } from '../../../src/families/evm/core/siwe.ts';

const ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const NOW = Date.parse('2025-01-01T00:00:00Z');

function siwe(parts: { header?: string; address?: string; statement?: string | null; uri?: string; chainId?: string; nonce?: string; issuedAt?: string; extra?: string[] } = {}): string {
  const lines = [
    `${parts.header ?? 'example.com'} wants you to sign in with your Ethereum account:`,
    parts.address ?? ADDRESS,
    '',
    ...(parts.statement === null ? [] : [parts.statement ?? 'Sign in to Example.']),
    '',
    `URI: ${parts.uri ?? 'https://example.com/login'}`,
    'Version: 1',
    `Chain ID: ${parts.chainId ?? '1'}`,
    `Nonce: ${parts.nonce ?? '32891756abc'}`,
    `Issued At: ${parts.issuedAt ?? '2024-12-31T23:59:00Z'}`,
    ...(parts.extra ?? []),
  ];
  return lines.join('\n');
}

const codes = (w: { code: string; severity: string }[]): string[] => w.map((x) => `${x.code}:${x.severity}`);

describe('ERC-4361 parsing', () => {
  it('parses every field of a full message', () => {
    const text = siwe({
      extra: ['Expiration Time: 2030-01-01T00:00:00.000Z', 'Not Before: 2024-01-01T00:00:00Z', 'Request ID: req-1', 'Resources:', '- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/', '- https://example.com/my-web2-claim.json'],
    });
    const r = parseSiweMessage(text);
    const expected: SiweMessage = {
      domain: 'example.com',
      address: ADDRESS,
      addressNotChecksummed: false,
      statement: 'Sign in to Example.',
      uri: 'https://example.com/login',
      version: '1',
      chainId: 1,
      nonce: '32891756abc',
      issuedAt: '2024-12-31T23:59:00Z',
      expirationTime: '2030-01-01T00:00:00.000Z',
      notBefore: '2024-01-01T00:00:00Z',
      requestId: 'req-1',
      resources: ['ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/', 'https://example.com/my-web2-claim.json'],
    };
    expect(r).toEqual({ ok: true, message: expected });
  });

  it('parses a message without statement, with a scheme and a port', () => {
    const r = parseSiweMessage(siwe({ header: 'https://example.com:8443', statement: null, uri: 'https://example.com:8443' }));
    expect(r.ok && r.message).toMatchObject({ scheme: 'https', domain: 'example.com:8443', uri: 'https://example.com:8443' });
    expect(r.ok && r.message.statement).toBeUndefined();
  });

  it.each([
    ['bad address', siwe({ address: '0x1234' }), /address/],
    ['bad checksum', siwe({ address: '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }), /checksum/],
    ['short nonce', siwe({ nonce: 'abc' }), /Nonce/],
    ['bad time', siwe({ issuedAt: 'yesterday' }), /Issued At/],
    ['bad chain id', siwe({ chainId: '0x1' }), /Chain ID/],
    ['trailing junk', `${siwe()}\nEvil: yes`, /unexpected content/],
  ])('rejects %s', (_n, text, reason) => {
    const r = parseSiweMessage(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('SIWE checks against the requesting origin (R11)', () => {
  const parsed = (text: string): SiweMessage => {
    const r = parseSiweMessage(text);
    if (!r.ok) throw new Error(r.reason);
    return r.message;
  };

  it('gives no warnings when domain, scheme, port, URI, chain, address and times match', () => {
    expect(checkSiweMessage(parsed(siwe()), { origin: 'https://example.com', chainId: 1, address: ADDRESS, now: NOW })).toEqual([]);
    expect(checkSiweMessage(parsed(siwe({ header: 'example.com:443' })), { origin: 'https://example.com', now: NOW })).toEqual([]);
  });

  it('is danger when the domain is another site or a subdomain', () => {
    expect(codes(checkSiweMessage(parsed(siwe()), { origin: 'https://evil.example', now: NOW }))).toEqual(['SIWE_DOMAIN_MISMATCH:danger', 'SIWE_URI_MISMATCH:warning']);
    expect(codes(checkSiweMessage(parsed(siwe()), { origin: 'https://app.example.com', now: NOW }))).toEqual(['SIWE_DOMAIN_MISMATCH:danger', 'SIWE_URI_MISMATCH:warning']);
  });

  it('flags scheme and port mismatches', () => {
    expect(codes(checkSiweMessage(parsed(siwe({ header: 'http://example.com' })), { origin: 'https://example.com', now: NOW }))).toEqual(['SIWE_SCHEME_MISMATCH:danger']);
    expect(codes(checkSiweMessage(parsed(siwe({ header: 'example.com:8443' })), { origin: 'https://example.com', now: NOW }))).toEqual(['SIWE_PORT_MISMATCH:warning']);
    // a local dev page that omits the scheme only gets a note
    expect(codes(checkSiweMessage(parsed(siwe({ header: 'localhost:3000', uri: 'http://localhost:3000' })), { origin: 'http://localhost:3000', now: NOW }))).toEqual(['SIWE_SCHEME_MISMATCH:info']);
    expect(codes(checkSiweMessage(parsed(siwe({ header: 'http://localhost:3000', uri: 'http://localhost:3000' })), { origin: 'http://localhost:3000', now: NOW }))).toEqual([]);
  });

  it('flags URI host, chain id, signer, expiry and not-before', () => {
    const w = checkSiweMessage(parsed(siwe({ uri: 'https://other.example/x', chainId: '5', extra: ['Expiration Time: 2024-06-01T00:00:00Z', 'Not Before: 2026-01-01T00:00:00Z'] })), {
      origin: 'https://example.com',
      chainId: 1,
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      now: NOW,
    });
    expect(codes(w)).toEqual(['SIWE_URI_MISMATCH:warning', 'SIWE_CHAIN_MISMATCH:warning', 'SIWE_ADDRESS_MISMATCH:danger', 'SIWE_EXPIRED:warning', 'SIWE_NOT_YET_VALID:warning']);
    expect(w[1]!.params).toEqual({ chainId: 5, activeChainId: 1 });
  });

  it('warns about malformed SIWE-looking text and still catches its foreign domain', () => {
    const a = analyzeSiwe('evil.example wants you to sign in with your Ethereum account:\nnot an address', { origin: 'https://example.com', now: NOW });
    expect(a.detected).toBe(true);
    expect(a.message).toBeUndefined();
    expect(codes(a.warnings)).toEqual(['SIWE_DOMAIN_MISMATCH:danger', 'SIWE_MALFORMED:warning']);
    expect(analyzeSiwe('just a message', { origin: 'https://example.com' })).toEqual({ detected: false, warnings: [] });
  });

  it('is detected inside personal_sign and checked against the origin, chain and signer', () => {
    const r = parsePersonalSign([stringToHex(siwe()), ADDRESS], { origin: 'https://phish.example', chainId: 1, now: NOW });
    expect(r.siwe?.domain).toBe('example.com');
    expect(codes(r.warnings)).toEqual(['SIWE_DOMAIN_MISMATCH:danger', 'SIWE_URI_MISMATCH:warning']);
    const ok = parsePersonalSign([siwe(), ADDRESS], { origin: 'https://example.com', chainId: 1, now: NOW });
    expect(ok.warnings).toEqual([]);
    expect(ok.siwe?.nonce).toBe('32891756abc');
  });
});
