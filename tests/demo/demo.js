// A minimal dApp: discovers wallets through EIP-6963, connects, switches to the local devnet,
// signs a message and sends a transaction, each approved by the user in the wallet's window.
const providers = [];
const out = document.getElementById('out');
const log = (x) => (out.textContent += `${typeof x === 'string' ? x : JSON.stringify(x, null, 1)}\n`);
window.addEventListener('eip6963:announceProvider', (e) => {
  providers.push(e.detail);
  document.getElementById('wallets').textContent = providers.map((p) => `${p.info.name} (${p.info.rdns})`).join(', ');
});
window.dispatchEvent(new Event('eip6963:requestProvider'));

const wallet = () => providers[0]?.provider;
let account = null;
async function run(label, fn) {
  const p = wallet();
  if (!p) return log('No wallet found: is the extension loaded?');
  try {
    log({ [label]: await fn(p) });
  } catch (e) {
    log({ [label]: { error: e.code, message: e.message } });
  }
}
document.getElementById('connect').onclick = () =>
  run('eth_requestAccounts', async (p) => {
    const accounts = await p.request({ method: 'eth_requestAccounts' });
    account = accounts[0];
    p.on('chainChanged', (c) => log({ chainChanged: c }));
    p.on('accountsChanged', (a) => log({ accountsChanged: a }));
    return accounts;
  });
document.getElementById('switch').onclick = () =>
  run('wallet_switchEthereumChain', (p) => p.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] }));
document.getElementById('sign').onclick = () =>
  run('personal_sign', (p) => p.request({ method: 'personal_sign', params: ['0x' + [...new TextEncoder().encode('Hello from the demo dApp')].map((b) => b.toString(16).padStart(2, '0')).join(''), account] }));
document.getElementById('send').onclick = () =>
  run('eth_sendTransaction', (p) =>
    p.request({ method: 'eth_sendTransaction', params: [{ from: account, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0x2386f26fc10000' }] }),
  );
