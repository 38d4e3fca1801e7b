import { describe, expect, it } from 'vitest';
import { assessRisk, comparableAddress, differingIndexes, findLookalikes, highestSeverity, isInsecureOrigin, type KnownAddress, type RiskInput } from '../../../src/core/risk/index.ts';

const NOW = 1_750_000_000_000;
const FRIEND = '0x1234567890abcdef1234567890abcdef12345678';
// Same first 4 and last 4 hex characters as FRIEND, different in the middle: a poisoning address.
const POISON = '0x1234000000000000000000000000000000005678';
const TOKEN = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const known: KnownAddress[] = [
  { address: FRIEND, source: 'addressBook', label: 'Friend' },
  { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', source: 'own' },
  { address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', source: 'history' },
];

const base: RiskInput = { origin: null, chainFamily: 'evm', kind: 'transfer', knownAddresses: known, now: NOW };
const codes = (input: RiskInput): string[] => assessRisk(input).map((w) => `${w.code}:${w.severity}`);

describe('assessRisk', () => {
  it('marks a known address-book recipient as known and nothing else', () => {
    expect(assessRisk({ ...base, recipient: FRIEND.toUpperCase().replace('0X', '0x') })).toEqual([{ code: 'KNOWN_RECIPIENT', severity: 'info', params: { source: 'addressBook', label: 'Friend' } }]);
  });

  it('flags a first-time recipient (R7)', () => {
    const r = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
    expect(assessRisk({ ...base, recipient: r })).toEqual([{ code: 'NEW_RECIPIENT', severity: 'info', params: { address: r } }]);
  });

  it('flags an address-poisoning lookalike as danger, naming the imitated address (R8)', () => {
    const w = assessRisk({ ...base, recipient: POISON });
    expect(w[0]).toEqual({ code: 'ADDRESS_LOOKALIKE', severity: 'danger', params: { address: POISON, similarTo: FRIEND, source: 'addressBook', label: 'Friend' } });
    expect(codes({ ...base, recipient: POISON })).toEqual(['ADDRESS_LOOKALIKE:danger', 'NEW_RECIPIENT:info']);
    // also for spenders of approvals (dApp-supplied addresses)
    expect(codes({ ...base, kind: 'approve', recipient: POISON })).toEqual(['ADDRESS_LOOKALIKE:danger']);
    // only 3 matching characters at the start: not a lookalike
    expect(codes({ ...base, recipient: '0x1230000000000000000000000000000000005678' })).toEqual(['NEW_RECIPIENT:info']);
  });

  it('flags a large transfer by the per-asset limit, the USD limit and the share of balance (R26)', () => {
    const t = { singleTransferLimit: { eth: '1.5' }, singleTransferLimitUsd: 10_000 };
    expect(assessRisk({ ...base, recipient: FRIEND, amount: { value: '1.5', symbol: 'ETH' }, userThresholds: t }).find((w) => w.code === 'LARGE_TRANSFER')).toEqual({
      code: 'LARGE_TRANSFER',
      severity: 'warning',
      params: { reason: 'limit', amount: '1.5', symbol: 'ETH', limit: '1.5' },
    });
    expect(codes({ ...base, recipient: FRIEND, amount: { value: '1.4999', symbol: 'ETH' }, userThresholds: t })).toEqual(['KNOWN_RECIPIENT:info']);
    expect(assessRisk({ ...base, recipient: FRIEND, amount: { value: '20000', symbol: 'USDC', usd: 20_000 }, userThresholds: t }).find((w) => w.code === 'LARGE_TRANSFER')?.params).toMatchObject({ reason: 'usd', usd: 20_000 });
    expect(assessRisk({ ...base, recipient: FRIEND, amount: { value: '6', symbol: 'SOL', balance: '10' } }).find((w) => w.code === 'LARGE_TRANSFER')?.params).toEqual({ reason: 'share_of_balance', amount: '6', symbol: 'SOL', percentOfBalance: 60 });
    expect(assessRisk({ ...base, recipient: FRIEND, amount: { value: '10', symbol: 'SOL', balance: '10' } }).find((w) => w.code === 'LARGE_TRANSFER')?.params.reason).toBe('whole_balance');
    expect(codes({ ...base, recipient: FRIEND, amount: { value: '4', symbol: 'SOL', balance: '10' } })).toEqual(['KNOWN_RECIPIENT:info']);
  });

  it('flags more transfers per hour than the user allows', () => {
    const recent = [NOW - 10_000, NOW - 20 * 60_000, NOW - 59 * 60_000, NOW - 61 * 60_000];
    expect(assessRisk({ ...base, recipient: FRIEND, recentTransfers: recent, userThresholds: { maxTransfersPerHour: 3 } }).find((w) => w.code === 'FREQUENT_TRANSFERS')).toEqual({
      code: 'FREQUENT_TRANSFERS',
      severity: 'warning',
      params: { count: 4, limit: 3, windowMinutes: 60 },
    });
    expect(codes({ ...base, recipient: FRIEND, recentTransfers: recent, userThresholds: { maxTransfersPerHour: 4 } })).toEqual(['KNOWN_RECIPIENT:info']);
  });

  it('flags unlimited approvals, chain-id mismatches and insecure origins', () => {
    expect(codes({ ...base, kind: 'approve', recipient: FRIEND, unlimitedApproval: true, origin: 'https://dapp.example' })).toEqual(['UNLIMITED_APPROVAL:danger']);
    expect(assessRisk({ ...base, kind: 'sign', chainIdMismatch: { expected: 1, actual: 56 } })).toEqual([{ code: 'CHAIN_ID_MISMATCH', severity: 'danger', params: { expected: '1', actual: '56' } }]);
    expect(codes({ ...base, kind: 'sign', origin: 'http://dapp.example' })).toEqual(['INSECURE_ORIGIN:warning']);
    expect(codes({ ...base, kind: 'sign', origin: 'http://localhost:5173' })).toEqual([]);
    expect(codes({ ...base, kind: 'sign', origin: 'http://127.0.0.1:8080' })).toEqual([]);
  });

  it('flags tokens sent to the token contract itself (R6) and burn addresses (R17)', () => {
    expect(codes({ ...base, recipient: TOKEN.toLowerCase(), tokenContract: TOKEN })).toEqual(['CONTRACT_RECIPIENT_FOR_TOKEN:danger', 'NEW_RECIPIENT:info']);
    expect(codes({ ...base, recipient: '0x000000000000000000000000000000000000dEaD' })).toEqual(['BURN_RECIPIENT:danger', 'NEW_RECIPIENT:info']);
  });

  it('orders findings danger first and reports the highest severity', () => {
    const w = assessRisk({ ...base, origin: 'http://evil.example', recipient: POISON, amount: { value: '100', symbol: 'ETH' }, userThresholds: { singleTransferLimit: { ETH: 1 } }, chainIdMismatch: true });
    expect(w.map((x) => x.severity)).toEqual(['danger', 'danger', 'warning', 'warning', 'info']);
    expect(w.map((x) => x.code)).toEqual(['CHAIN_ID_MISMATCH', 'ADDRESS_LOOKALIKE', 'INSECURE_ORIGIN', 'LARGE_TRANSFER', 'NEW_RECIPIENT']);
    expect(highestSeverity(w)).toBe('danger');
    expect(highestSeverity([])).toBeUndefined();
  });
});

describe('address comparison per family', () => {
  it('is case-insensitive for hex families and case-sensitive for base58 ones', () => {
    expect(comparableAddress('evm', '0xABCdef0000000000000000000000000000000001').key).toBe('abcdef0000000000000000000000000000000001');
    expect(comparableAddress('aptos', '0x1').body).toHaveLength(64);
    const tron = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
    const tronPoison = 'TLa2fXXXXXXXXXXXXXXXXXXXXXXXXwYjU7';
    expect(findLookalikes('tron', tronPoison, [{ address: tron, source: 'history' }])).toHaveLength(1);
    expect(findLookalikes('tron', tron.toLowerCase(), [{ address: tron, source: 'history' }])).toHaveLength(0);
    const sol = '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV';
    expect(codes({ ...base, chainFamily: 'solana', recipient: `7EcD${'1'.repeat(sol.length - 8)}FLtV`, knownAddresses: [{ address: sol, source: 'addressBook' }] })[0]).toBe('ADDRESS_LOOKALIKE:danger');
    const btc = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
    expect(findLookalikes('bitcoin', `bc1qar0s${'q'.repeat(btc.length - 13)}f5mdq`, [{ address: btc, source: 'own' }])).toHaveLength(1);
  });

  it('points at the differing characters', () => {
    expect(differingIndexes('0x12345', '0x12045')).toEqual([4]);
  });

  it('treats only http on non-loopback hosts and non-web schemes as insecure', () => {
    expect(isInsecureOrigin('https://a.example')).toBe(false);
    expect(isInsecureOrigin('http://a.example')).toBe(true);
    expect(isInsecureOrigin('http://[::1]:3000')).toBe(false);
    expect(isInsecureOrigin('file:///x')).toBe(true);
    expect(isInsecureOrigin('not an origin')).toBe(true);
  });
});
