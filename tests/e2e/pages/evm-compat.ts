/**
 * A dApp page built the way real dApps are, with the client libraries unchanged: a "Connect"
 * button enabled only for a MetaMask-compatible window.ethereum (isMetaMask), ethers v6
 * BrowserProvider, web3.js v4, and wagmi's injected() connector through @wagmi/core. The test
 * drives each helper with page.evaluate and approves in the real approval window.
 */
import { BrowserProvider } from 'ethers';
import Web3 from 'web3';
import { connect, createConfig, getAccount, signTypedData as wagmiSignTypedData } from '@wagmi/core';
import { injected } from '@wagmi/core';
import { custom, defineChain, type EIP1193Provider } from 'viem';

type Eth = EIP1193Provider & { isMetaMask?: boolean; on(ev: string, fn: (d: unknown) => void): void };
const eth = (): Eth => (window as unknown as { ethereum: Eth }).ethereum;

// The common legacy gate: enable the button only for a MetaMask-compatible provider.
const button = document.createElement('button');
button.id = 'connect';
button.textContent = 'Connect MetaMask';
button.disabled = true;
document.body.append(button);
const gate = (): void => {
  button.disabled = !(typeof eth() === 'object' && eth().isMetaMask === true);
};
gate();
window.addEventListener('ethereum#initialized', gate);
// The provider's 'connect' event: its state (and so the flag) is known.
if (typeof eth() === 'object') eth().on('connect', gate);

type Result<T = unknown> = { result?: T; error?: { code?: number; message: string } };
async function wrap<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { result: await fn() };
  } catch (e) {
    const err = e as { code?: number | string; message: string; info?: { error?: { code?: number } }; cause?: { code?: number } };
    const code = typeof err.code === 'number' ? err.code : (err.info?.error?.code ?? err.cause?.code);
    return { error: { ...(code !== undefined ? { code } : {}), message: err.message } };
  }
}

const messages: unknown[] = [];

const api = {
  gateEnabled: () => !button.disabled,
  isMetaMask: () => eth().isMetaMask,
  raw: (method: string, params?: unknown) => wrap(() => eth().request({ method, params } as never)),
  ethersConnect: () =>
    wrap(async () => {
      const provider = new BrowserProvider(eth());
      const accounts = (await provider.send('eth_requestAccounts', [])) as string[];
      const signer = await provider.getSigner();
      return { accounts, signer: await signer.getAddress(), chainId: (await provider.getNetwork()).chainId.toString() };
    }),
  ethersPersonalSign: (message: string) => wrap(async () => (await new BrowserProvider(eth()).getSigner()).signMessage(message)),
  ethersTypedSign: (domain: Record<string, unknown>, types: Record<string, Array<{ name: string; type: string }>>, value: Record<string, unknown>) =>
    wrap(async () => (await new BrowserProvider(eth()).getSigner()).signTypedData(domain, types, value)),
  web3Accounts: () => wrap(async () => new Web3(eth() as never).eth.getAccounts()),
  web3PersonalSign: (message: string, address: string) => wrap(async () => new Web3(eth() as never).eth.personal.sign(message, address, '')),
  web3EcRecover: (message: string, signature: string) => wrap(async () => new Web3(eth() as never).eth.personal.ecRecover(message, signature)),
  web3TypedSign: (address: string, typedData: Record<string, unknown>) => wrap(async () => new Web3(eth() as never).eth.signTypedData(address, typedData as never)),
  /**
   * A contract call with the dApp's own gas limit (the path that used to skip estimation), sent by
   * ethers' signer: with gasLimit set it asks the wallet directly. (web3.js v4 would refuse to send
   * by itself: it eth_calls first, checkRevertBeforeSending.)
   */
  ethersSendWithGas: (to: string, data: string, gasLimit: number) =>
    wrap(async () => {
      const signer = await new BrowserProvider(eth()).getSigner();
      return (await signer.sendTransaction({ to, data, gasLimit })).hash;
    }),
  wagmiConnectAndSign: (rpcUrl: string, chainId: number, typedData: { domain: Record<string, unknown>; types: Record<string, Array<{ name: string; type: string }>>; primaryType: string; message: Record<string, unknown> }) =>
    wrap(async () => {
      const chain = defineChain({ id: chainId, name: 'Anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
      const config = createConfig({ chains: [chain], connectors: [injected()], transports: { [chainId]: custom(eth()) } as never });
      const connected = await connect(config, { connector: config.connectors[0]! });
      const signature = await wagmiSignTypedData(config, typedData as never);
      return { accounts: connected.accounts, account: getAccount(config).address, signature };
    }),
  listenMessages: () => eth().on('message', (m) => messages.push(m)),
  messages: () => messages,
};

(window as unknown as { dapp: typeof api }).dapp = api;
