/**
 * Issue 19 (EVM dApp compatibility), end to end in real Chromium against anvil, with the client
 * libraries dApps use, unchanged: ethers v6 BrowserProvider, web3.js v4, wagmi injected() through
 * @wagmi/core; every signature recovered with @metamask/eth-sig-util (v1, v3, v4, personal). Also:
 * a page gated on isMetaMask enables itself; lower-case dApp accounts; ERC-721 and ERC-1155 watched,
 * shown and sent from the popup (an unconnected site is refused with 4100 before any ownership read); a reverting call with a dApp-supplied gas limit warned about and,
 * approved anyway, reported failed in Activity; eth_subscribe('newHeads') delivers a mined block;
 * EIP-5792 call status survives a service-worker restart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPublicClient, createWalletClient, encodeFunctionData, getAddress, http, parseAbi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { recoverPersonalSignature, recoverTypedSignature, SignTypedDataVersion } from '@metamask/eth-sig-util';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { dataMetadataUri, deployData, testContracts } from '../support/contracts';
import { openDapp, waitForDapp } from './support/flows';
import { decide } from './support/approvals';
import { dappCaller, stopAfterAll } from './support/suite';

const PASSWORD = 'e2e evm compat password 1';
const CHAIN_ID = 1337;
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const MIS_CASED = '0x0521797E19b8E274E4ED3bFe5254FAf6fac96F08';

type R<T = unknown> = { result?: T; error?: { code?: number; message: string } };

describe('EVM dApp compatibility (issue 19) end to end', () => {
  let wallet: Wallet;
  let anvil: AnvilInstance;
  let server: DappServer;
  let page: Page;
  let account: Address;
  let lower: string;
  let reverter: Address;
  let nft721: Address;
  let nft1155: Address;
  const kitten = dataMetadataUri('Kitten #7', '#e91e63');
  const gem = dataMetadataUri('Gem', '#3f51b5');

  const keep = stopAfterAll();
  const dapp = dappCaller<R>(() => page);
  /** Waits for the approval window, checks it names this page's origin, runs `check`, approves. */
  const approve = (check?: (w: Page) => Promise<void>): Promise<void> => decide(wallet, `127.0.0.1:${server.port}`, true, check);

  beforeAll(async () => {
    [anvil, server, wallet] = await Promise.all([startAnvil({ chainId: CHAIN_ID }).then(keep), startDappServer(['evm-compat']).then(keep), launchWallet().then(keep)]);
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
    account = anvil.accounts[0]!.address;
    lower = account.toLowerCase();
    // Test contracts, deployed from Node by another account so the wallet's nonces stay its own.
    const deployer = createWalletClient({ account: privateKeyToAccount(anvil.accounts[5]!.privateKey), transport: http(anvil.url) });
    const reader = createPublicClient({ transport: http(anvil.url) });
    const c = testContracts();
    const deploy = async (data: Hex): Promise<Address> => {
      const hash = await deployer.sendTransaction({ data, chain: null });
      return (await reader.waitForTransactionReceipt({ hash })).contractAddress!;
    };
    reverter = await deploy(deployData(c.Reverter));
    nft721 = await deploy(deployData(c.TestNft721, [kitten.uri, account, 7n]));
    nft1155 = await deploy(deployData(c.TestMulti1155, [gem.uri, account, 42n, 5n]));
    page = await openDapp(wallet, server.url('evm-compat'));
  }, 120_000);

  it('a page that gates on isMetaMask enables itself; EIP-6963 still names this wallet', async () => {
    expect(await dapp('gateEnabled')).toBe(true);
    expect(await dapp('isMetaMask')).toBe(true);
    const infos = await page.evaluate(
      () =>
        new Promise<Array<{ name: string; rdns: string }>>((resolve) => {
          const got: Array<{ name: string; rdns: string }> = [];
          window.addEventListener('eip6963:announceProvider', (e) => got.push((e as CustomEvent<{ info: { name: string; rdns: string } }>).detail.info));
          window.dispatchEvent(new Event('eip6963:requestProvider'));
          setTimeout(() => resolve(got), 200);
        }),
    );
    expect(infos).toEqual([expect.objectContaining({ name: 'Multichain Wallet', rdns: 'dev.multichainwallet' })]);
  });

  it('ethers v6 BrowserProvider connects; the dApp gets the lower-case address, the window shows the checksum', async () => {
    const add = dapp('raw', 'wallet_addEthereumChain', [{ chainId: `0x${CHAIN_ID.toString(16)}`, chainName: 'Anvil compat', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [anvil.url] }]);
    await approve();
    expect((await add).result).toBeNull();
    const conn = dapp<R<{ accounts: string[]; signer: string; chainId: string }>>('ethersConnect');
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain(account));
    expect((await conn).result).toEqual({ accounts: [lower], signer: account, chainId: String(CHAIN_ID) });
    expect(await dapp('raw', 'eth_accounts')).toEqual({ result: [lower] });
    // web3.js re-checksums whatever the wallet returns; the address is the same.
    expect((await dapp<R<string[]>>('web3Accounts')).result?.map((a) => a.toLowerCase())).toEqual([lower]);
  });

  it('personal_sign through ethers and web3.js; eth-sig-util and personal_ecRecover recover the signer', async () => {
    const p1 = dapp<R<string>>('ethersPersonalSign', 'Hello from ethers');
    await approve();
    const sig1 = (await p1).result!;
    expect(recoverPersonalSignature({ data: `0x${Buffer.from('Hello from ethers').toString('hex')}`, signature: sig1 })).toBe(lower);
    const p2 = dapp<R<string>>('web3PersonalSign', 'Hello from web3', account);
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain('Hello from web3'));
    const sig2 = (await p2).result!;
    expect(recoverPersonalSignature({ data: 'Hello from web3', signature: sig2 })).toBe(lower);
    // personal_ecRecover: no window, the lower-case signer (what the dApp compares with ===).
    expect(await dapp('web3EcRecover', 'Hello from web3', sig2)).toEqual({ result: lower });
  });

  const MAIL = {
    domain: { name: 'Ether Mail', version: '1', chainId: CHAIN_ID, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
    types: {
      Person: [
        { name: 'name', type: 'string' },
        { name: 'wallet', type: 'address' },
      ],
      Mail: [
        { name: 'from', type: 'Person' },
        { name: 'to', type: 'Person' },
        { name: 'contents', type: 'string' },
      ],
    },
    message: { from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }, to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' }, contents: 'Hello, Bob!' },
  };
  const DOMAIN_TYPE = [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'chainId', type: 'uint256' },
    { name: 'verifyingContract', type: 'address' },
  ];
  const full = { types: { EIP712Domain: DOMAIN_TYPE, ...MAIL.types }, primaryType: 'Mail', domain: MAIL.domain, message: MAIL.message };

  it('eth_signTypedData_v4 through ethers and web3.js, v3 and v1 through the provider: eth-sig-util recovers each', async () => {
    const v4 = dapp<R<string>>('ethersTypedSign', MAIL.domain, MAIL.types, MAIL.message);
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain('Hello, Bob!'));
    expect(recoverTypedSignature({ data: full as never, signature: (await v4).result!, version: SignTypedDataVersion.V4 })).toBe(lower);

    const w4 = dapp<R<string>>('web3TypedSign', account, full);
    await approve();
    expect(recoverTypedSignature({ data: full as never, signature: (await w4).result!, version: SignTypedDataVersion.V4 })).toBe(lower);

    const v3 = dapp<R<string>>('raw', 'eth_signTypedData_v3', [account, JSON.stringify(full)]);
    await approve();
    expect(recoverTypedSignature({ data: full as never, signature: (await v3).result!, version: SignTypedDataVersion.V3 })).toBe(lower);

    const legacy = [
      { type: 'string', name: 'Message', value: 'Hi, Alice!' },
      { type: 'uint32', name: 'A number', value: '1337' },
    ];
    const v1 = dapp<R<string>>('raw', 'eth_signTypedData', [legacy, account]);
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain('Hi, Alice!'));
    expect(recoverTypedSignature({ data: legacy as never, signature: (await v1).result!, version: SignTypedDataVersion.V1 })).toBe(lower);
  });

  it('typed data with a mis-checksummed address is accepted, shown checksummed, and signs the same number', async () => {
    const permit = {
      types: { EIP712Domain: DOMAIN_TYPE, Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
      primaryType: 'Permit',
      domain: { name: 'Token', version: '1', chainId: CHAIN_ID, verifyingContract: reverter },
      message: { owner: account, spender: MIS_CASED, value: '1000', nonce: '0', deadline: '1999999999' },
    };
    const p = dapp<R<string>>('raw', 'eth_signTypedData_v4', [account, JSON.stringify(permit)]);
    await approve(async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain(getAddress(MIS_CASED.toLowerCase()));
      expect(details).not.toContain(MIS_CASED);
    });
    expect(recoverTypedSignature({ data: permit as never, signature: (await p).result!, version: SignTypedDataVersion.V4 })).toBe(lower);
  });

  it('wagmi injected() through @wagmi/core connects and signs typed data', async () => {
    const p = dapp<R<{ accounts: string[]; account: string; signature: string }>>('wagmiConnectAndSign', anvil.url, CHAIN_ID, { ...MAIL, primaryType: 'Mail' });
    await approve();
    const r = (await p).result!;
    expect(r.accounts.map((a) => a.toLowerCase())).toEqual([lower]);
    expect(r.account?.toLowerCase()).toBe(lower);
    expect(recoverTypedSignature({ data: full as never, signature: r.signature, version: SignTypedDataVersion.V4 })).toBe(lower);
  });

  it('eth_sign stays refused (4200)', async () => {
    expect((await dapp('raw', 'eth_sign', [account, `0x${'11'.repeat(32)}`])).error?.code).toBe(4200);
  });

  it("eth_subscribe('newHeads') and ('logs') deliver a mined block and an emitted event as message events; eth_unsubscribe ends them", async () => {
    await dapp('listenMessages');
    const sub = (await dapp<R<string>>('raw', 'eth_subscribe', ['newHeads'])).result!;
    expect(sub).toMatch(/^0x[0-9a-f]{32}$/);
    await anvil.rpc('evm_mine');
    const mined = await anvil.rpc<string>('eth_blockNumber');
    const delivered = async (): Promise<boolean> =>
      (await dapp<Array<{ type: string; data: { subscription: string; result: { number: string } } }>>('messages')).some((m) => m.type === 'eth_subscription' && m.data.subscription === sub && BigInt(m.data.result.number) === BigInt(mined));
    await expect.poll(delivered, { timeout: 20_000 }).toBe(true);
    expect(await dapp('raw', 'eth_unsubscribe', [sub])).toEqual({ result: true });
    expect(await dapp('raw', 'eth_unsubscribe', [sub])).toEqual({ result: false });

    // 'logs' with an address filter: an event emitted on anvil arrives with its topics.
    const logsSub = (await dapp<R<string>>('raw', 'eth_subscribe', ['logs', { address: reverter }])).result!;
    const deployer = createWalletClient({ account: privateKeyToAccount(anvil.accounts[5]!.privateKey), transport: http(anvil.url) });
    const bumpHash = await deployer.sendTransaction({ to: reverter, data: encodeFunctionData({ abi: parseAbi(['function bump()']), functionName: 'bump' }), chain: null });
    const gotLog = async (): Promise<boolean> =>
      (await dapp<Array<{ type: string; data: { subscription: string; result: { transactionHash?: string; address?: string } } }>>('messages')).some(
        (m) => m.data.subscription === logsSub && m.data.result.transactionHash === bumpHash && m.data.result.address?.toLowerCase() === reverter.toLowerCase(),
      );
    await expect.poll(gotLog, { timeout: 20_000 }).toBe(true);
    expect(await dapp('raw', 'eth_unsubscribe', [logsSub])).toEqual({ result: true });
    // Subscribing to something the wallet cannot deliver is refused clearly.
    expect((await dapp('raw', 'eth_subscribe', ['newPendingTransactions'])).error?.code).toBe(-32602);
  });

  it('an unconnected site asking to watch an ERC-721 gets 4100 and no window, held or not (no ownership probe)', async () => {
    const opened: string[] = [];
    const onPage = (p: Page): void => {
      if (p.url().includes('approval.html')) opened.push(p.url());
    };
    wallet.context.on('page', onPage);
    const stranger = await wallet.context.newPage();
    try {
      await stranger.goto(server.url('evm-compat', 'localhost'));
      await waitForDapp(stranger);
      const ask = (tokenId: string): Promise<R> =>
        stranger.evaluate(
          (p) => (window as unknown as { dapp: { raw: (m: string, a: unknown) => Promise<R> } }).dapp.raw('wallet_watchAsset', p),
          { type: 'ERC721', options: { address: nft721, tokenId } },
        );
      // Token 7 is held by the wallet's account, token 8 is not: the answers must not differ.
      const held = await ask('7');
      const notHeld = await ask('8');
      expect(held.error?.code).toBe(4100);
      expect(notHeld.error?.code).toBe(4100);
      expect(held.error?.message).toBe(notHeld.error?.message);
      expect(await stranger.evaluate(() => (window as unknown as { dapp: { raw: (m: string) => Promise<R> } }).dapp.raw('eth_accounts'))).toEqual({ result: [] });
    } finally {
      wallet.context.off('page', onPage);
      await stranger.close();
    }
    expect(opened).toEqual([]);
  });

  it('an ERC-721 and an ERC-1155 are watched, shown with their images, and sent from the popup', async () => {
    const w721 = dapp('raw', 'wallet_watchAsset', { type: 'ERC721', options: { address: nft721, tokenId: '7' } });
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain('Kitten #7'));
    expect(await w721).toEqual({ result: true });
    const w1155 = dapp('raw', 'wallet_watchAsset', { type: 'ERC1155', options: { address: nft1155, tokenId: '42' } });
    await approve(async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain('Gem'));
    expect(await w1155).toEqual({ result: true });
    // A token the account does not hold is refused before any window opens.
    expect((await dapp('raw', 'wallet_watchAsset', { type: 'ERC721', options: { address: nft721, tokenId: '8' } })).error?.code).toBe(-32602);

    const popup = await wallet.openPage('popup.html');
    await popup.getByTestId('tab-nfts').click();
    await expect.poll(() => popup.getByTestId('nft-item').count(), { timeout: 20_000 }).toBe(2);
    const kittenItem = popup.locator(`[data-testid="nft-item"][data-contract="${nft721.toLowerCase()}"]`);
    const gemItem = popup.locator(`[data-testid="nft-item"][data-contract="${nft1155.toLowerCase()}"]`);
    expect(await kittenItem.getByTestId('nft-name').textContent()).toBe('Kitten #7');
    expect(await kittenItem.getByTestId('nft-image').getAttribute('src')).toBe(kitten.image);
    expect(await gemItem.getByTestId('nft-image').getAttribute('src')).toBe(gem.image);
    expect(await gemItem.getByTestId('nft-balance').textContent()).toContain('5');
    // The image really rendered; data: images need no consent (remote ones do: tests/unit/nftImage.test.ts).
    expect(await kittenItem.getByTestId('nft-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await popup.getByTestId('nft-image-show').count()).toBe(0);

    const reader = createPublicClient({ transport: http(anvil.url) });
    const abi = parseAbi(['function ownerOf(uint256) view returns (address)', 'function balanceOf(address, uint256) view returns (uint256)']);
    await kittenItem.getByTestId('nft-send-open').click();
    await kittenItem.getByTestId('nft-to').fill(RECIPIENT);
    await kittenItem.getByTestId('nft-send-confirm').click();
    await expect.poll(() => kittenItem.getByTestId('nft-send-result').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/Sent/);
    await expect.poll(() => reader.readContract({ address: nft721, abi, functionName: 'ownerOf', args: [7n] }), { timeout: 30_000 }).toBe(RECIPIENT);

    await gemItem.getByTestId('nft-send-open').click();
    await gemItem.getByTestId('nft-to').fill(RECIPIENT);
    await gemItem.getByTestId('nft-amount').fill('2');
    await gemItem.getByTestId('nft-send-confirm').click();
    await expect.poll(() => reader.readContract({ address: nft1155, abi, functionName: 'balanceOf', args: [RECIPIENT, 42n] }), { timeout: 30_000 }).toBe(2n);
    // The list read right after the broadcast may predate the block: reopened, it shows what is held now.
    await popup.reload();
    await popup.getByTestId('tab-nfts').click();
    await expect.poll(() => gemItem.getByTestId('nft-balance').textContent(), { timeout: 30_000 }).toContain('3');
    await popup.close();
  });

  it('a reverting call with a dApp-supplied gas limit shows the decoded reason; approved anyway, Activity reports the failure', async () => {
    const data = encodeFunctionData({ abi: parseAbi(['function withdraw(uint256)']), functionName: 'withdraw', args: [5n] });
    const sent = dapp<R<string>>('ethersSendWithGas', reverter, data, 200_000);
    await approve(async (w) => {
      const warning = w.locator('[data-testid="approval-warnings"] [data-code="TX_WILL_REVERT"]');
      expect(await warning.textContent()).toContain('Vault: withdrawal amount exceeds balance');
      expect(await warning.getAttribute('class')).toContain('error');
      // A danger finding: Approve stays disabled until the user says they understand the risk.
      expect(await w.getByTestId('approve').isDisabled()).toBe(true);
      await w.getByTestId('risk-ack').check();
    });
    const hash = (await sent).result as Hex;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    const receipt = await createPublicClient({ transport: http(anvil.url) }).waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('reverted');
    const popup = await wallet.openPage('popup.html');
    await popup.getByTestId('tab-activity').click();
    const byHash = popup.locator(`[data-testid="activity-item"][data-hash="${hash}"]`);
    await expect.poll(() => byHash.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await byHash.getByTestId('activity-status').textContent()).toBe('Failed');
    await popup.close();
  });

  it('EIP-5792 wallet_getCallsStatus survives a service-worker restart', async () => {
    const p = dapp<R<{ id: string }>>('raw', 'wallet_sendCalls', [{ version: '2.0.0', chainId: `0x${CHAIN_ID.toString(16)}`, from: account, atomicRequired: false, calls: [{ to: RECIPIENT, value: '0x1' }] }]);
    await approve();
    const id = (await p).result!.id;
    expect((await dapp<R<{ status: number }>>('raw', 'wallet_getCallsStatus', [id])).result?.status).toBe(200);
    const cdp = await wallet.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(500);
    const after = await dapp<R<{ status: number; receipts: unknown[] }>>('raw', 'wallet_getCallsStatus', [id]);
    expect(after.result?.status).toBe(200);
    expect(after.result?.receipts).toHaveLength(1);
  });

  it('turning MetaMask compatibility off in Settings clears the flag for newly loaded pages', async () => {
    const popup = await wallet.openPage('popup.html');
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-general').click();
    const box = popup.getByTestId('metamask-compat');
    expect(await box.isChecked()).toBe(true);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');
    await popup.close();
    await page.reload();
    await waitForDapp(page);
    await expect.poll(() => dapp('isMetaMask')).toBe(false);
    await expect.poll(() => dapp('gateEnabled')).toBe(false);
  });
});
