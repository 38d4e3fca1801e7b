/**
 * The no-data-to-strangers guard: real addresses of every family (derived here with the wallet's
 * deriver from the BIP39 test mnemonic) and chain references are blanked from error text, the
 * page's own words stay, and `data` is dropped.
 */
import { describe, expect, it } from 'vitest';
import { createDeriver } from '../../src/core';
import { carriesAccountData, errorForStranger, redact } from '../../src/background/dapp/siteGuard';

const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('siteGuard', () => {
  const d = createDeriver(MNEMONIC);
  const addresses = {
    evm: d.account('evm', 0).address,
    solana: d.account('solana', 0).address,
    tron: d.account('tron', 0).address,
    bitcoin: d.account('bitcoin', 0).address,
    polkadot: d.account('polkadot', 0).address,
    kusama: d.account('polkadot', 0, { network: 'kusama' }).address,
    eos: d.account('eos', 0).address,
  };
  d.wipe();

  for (const [family, address] of Object.entries(addresses)) {
    it(`blanks a ${family} address (${address.slice(0, 8)}…) inside an error text`, () => {
      const text = `The account ${address} is not the connected account.`;
      expect(redact(text)).toBe('The account [hidden] is not the connected account.');
      expect(carriesAccountData({ nested: [text] })).toBe(true);
    });
  }

  it('published examples are caught: the BIP-173 P2WPKH address and the Solana system program id', () => {
    // BIP-173 P2WPKH example and the Solana system program id.
    expect(redact('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe('[hidden]');
    expect(redact('11111111111111111111111111111111')).toBe('[hidden]');
  });

  it('blanks the module families\' chain references and EOS keys in both forms', () => {
    expect(redact('wrong network: polkadot:kusama, aptos:testnet, eos:jungle4')).toBe('wrong network: [hidden], [hidden], [hidden]');
    expect(redact('key PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63 is not allowed')).toBe('key [hidden] is not allowed');
  });

  it('blanks network details and keeps the page’s own words', () => {
    expect(redact('the request is for solana:devnet but the wallet is on solana:localnet')).toBe('the request is for [hidden] but the wallet is on [hidden]');
    expect(redact('Invalid params: message must be a string')).toBe('Invalid params: message must be a string');
    expect(redact(`0x${'ab'.repeat(32)} is a 32-byte hash`)).toBe(`0x${'ab'.repeat(32)} is a 32-byte hash`);
    expect(carriesAccountData({ chainId: '0x1', accounts: [] })).toBe(false);
  });

  it('drops data and keeps the code', () => {
    expect(errorForStranger({ code: -32602, message: `wallet is on ${addresses.solana}`, data: { active: 'solana:localnet' } })).toEqual({ code: -32602, message: 'wallet is on [hidden]' });
  });
});
