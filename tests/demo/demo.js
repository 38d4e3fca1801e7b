// A minimal dApp: discovers wallets through EIP-6963 and connects to the first one.
const providers = [];
const out = document.getElementById('out');
const log = (x) => (out.textContent += `${typeof x === 'string' ? x : JSON.stringify(x)}\n`);
window.addEventListener('eip6963:announceProvider', (e) => {
  providers.push(e.detail);
  document.getElementById('wallets').textContent = providers.map((p) => p.info.name).join(', ');
});
window.dispatchEvent(new Event('eip6963:requestProvider'));
document.getElementById('connect').onclick = async () => {
  const p = providers[0]?.provider;
  if (!p) return log('No wallet found');
  try {
    log({ accounts: await p.request({ method: 'eth_requestAccounts' }) });
    log({ chainId: await p.request({ method: 'eth_chainId' }) });
  } catch (e) {
    log({ error: e.code, message: e.message });
  }
};
