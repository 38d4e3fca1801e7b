/**
 * EOS test dApp: WharfKit's SessionKit with the real, unchanged Scatter and TokenPocket wallet
 * plugins (both speak the Scatter protocol through @wharfkit/protocol-scatter → scatter-ts, which
 * finds the wallet's injected `window.scatter`), a headless WharfKit UI (no prompts are needed
 * when the chain and plugin are given), and ScatterJS-style legacy calls on `window.scatter`
 * after the `scatterLoaded` event. The test drives it with page.evaluate through `window.dapp`.
 */
import { AbstractUserInterface, SessionKit, cancelable, type Cancelable, type LoginContext, type PromptResponse, type Session, type UserInterfaceLoginResponse } from '@wharfkit/session';
import { WalletPluginScatter } from '@wharfkit/wallet-plugin-scatter';
import { WalletPluginTokenPocket } from '@wharfkit/wallet-plugin-tokenpocket';

type Result = { result?: unknown; error?: { message: string; type?: string; code?: number; isError?: boolean; name?: string } };

class HeadlessUI extends AbstractUserInterface {
  login(_context: LoginContext): Promise<UserInterfaceLoginResponse> {
    return Promise.reject(new Error('this test page has no login UI: give the chain and the wallet plugin'));
  }
  async onError(): Promise<void> {}
  async onAccountCreate(): Promise<{ chain?: string }> {
    return {};
  }
  async onAccountCreateComplete(): Promise<void> {}
  async onLogin(): Promise<void> {}
  async onLoginComplete(): Promise<void> {}
  async onTransact(): Promise<void> {}
  async onTransactComplete(): Promise<void> {}
  async onSign(): Promise<void> {}
  async onSignComplete(): Promise<void> {}
  async onBroadcast(): Promise<void> {}
  async onBroadcastComplete(): Promise<void> {}
  prompt(): Cancelable<PromptResponse> {
    return cancelable(Promise.reject(new Error('no prompts in this test page')));
  }
  status(): void {}
  override translate(key: string, options?: { default?: string }): string {
    return options?.default ?? key;
  }
  override addTranslations(): void {}
}

async function wrap(fn: () => Promise<unknown> | unknown): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    const err = e as { message?: unknown; type?: unknown; code?: unknown; isError?: unknown; name?: unknown };
    return { error: { message: String(err?.message ?? e), ...(typeof err?.type === 'string' ? { type: err.type } : {}), ...(typeof err?.code === 'number' ? { code: err.code } : {}), ...(err?.isError === true ? { isError: true } : {}), ...(typeof err?.name === 'string' ? { name: err.name } : {}) } };
  }
}

let scatterLoadedEvents = 0;
document.addEventListener('scatterLoaded', () => scatterLoadedEvents++);
let session: Session | null = null;

type LegacyScatter = {
  getIdentity(fields?: unknown): Promise<{ accounts: { name: string; authority: string; publicKey: string; chainId: string }[]; publicKey: string }>;
  getArbitrarySignature(publicKey: string, data: string): Promise<string>;
  requestSignature(payload: unknown): Promise<unknown>;
  forgetIdentity(): Promise<unknown>;
  getIdentityFromPermissions(): Promise<unknown>;
};
const scatter = (): LegacyScatter => (window as unknown as { scatter: LegacyScatter }).scatter;

(window as unknown as { dapp: Record<string, unknown> }).dapp = {
  globals: () => ({ scatter: typeof (window as unknown as { scatter?: unknown }).scatter === 'object', scatterLoadedEvents }),
  login: (plugin: 'scatter' | 'tokenpocket', chainId: string, url: string) =>
    wrap(async () => {
      const kit = new SessionKit({ appName: 'eostestdapp', chains: [{ id: chainId, url }], ui: new HeadlessUI(), walletPlugins: [new WalletPluginScatter(), new WalletPluginTokenPocket()] });
      const r = await kit.login({ chain: chainId, walletPlugin: plugin });
      session = r.session;
      return { actor: String(session.actor), permission: String(session.permission), chain: String(session.chain.id), wallet: session.walletPlugin.id };
    }),
  transfer: (to: string, quantity: string, memo: string) =>
    wrap(async () => {
      if (!session) throw new Error('log in first');
      const r = await session.transact({ action: { account: 'eosio.token', name: 'transfer', authorization: [session.permissionLevel], data: { from: session.actor, to, quantity, memo } } });
      const res = r.response as { transaction_id?: string } | undefined;
      return { id: res?.transaction_id ?? null, signatures: r.signatures.map(String) };
    }),
  // ScatterJS-style: the legacy global, after the scatterLoaded event.
  legacyIdentity: (chainId: string) => wrap(() => scatter().getIdentity({ accounts: [{ blockchain: 'eos', chainId }] })),
  legacyArbitrary: (publicKey: string, data: string) => wrap(() => scatter().getArbitrarySignature(publicKey, data)),
  legacyRequestSignature: (payload: unknown) => wrap(() => scatter().requestSignature(payload)),
  legacyForget: () => wrap(() => scatter().forgetIdentity()),
  legacyCheck: () => wrap(() => scatter().getIdentityFromPermissions()),
};
