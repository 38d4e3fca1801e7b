/**
 * The EVM family's strings (fee editing, NFTs, Sign-In with Ethereum and other EVM risk codes, EVM errors). English is here, bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const evmEn = {
  actionPermit2: "Permit2 approval",
  field_maxFeePerGas: "Max fee per gas",
  field_maxPriorityFeePerGas: "Priority fee per gas",
  field_gasPrice: "Gas price",
  field_calls: "Calls",
  approval_sendCalls: "Send a batch of calls",
  approval_addChain: "Add a network",
  risk_SIWE_DOMAIN_MISMATCH: "This sign-in message names another site ({domain}) than the one asking.",
  risk_SIWE_EXPIRED: "This sign-in message has expired.",
  risk_SIWE_CHAIN_MISMATCH: "This sign-in message names another chain.",
  risk_TX_WILL_REVERT: "This transaction will fail on chain ({reason}). You would still pay the network fee.",
  risk_GAS_TOO_LOW: "The gas limit set by the site ({gas}) is below what this transaction needs ({needed}): it would run out of gas and fail, and you would still pay the fee.",
  editFees: "Edit network fee",
  gasLimit: "Gas limit",
  maxFeeGwei: "Max fee (gwei)",
  priorityFeeGwei: "Priority fee (gwei)",
  risk_LOCAL_HTTP_RPC: "This network uses a local, unencrypted RPC address (fine for a devnet on this computer).",
  risk_KNOWN_CHAIN_NAME_MISMATCH: "This chain id belongs to a well-known network with a different name. Check the site is genuine.",
  risk_KNOWN_CHAIN_SYMBOL_MISMATCH: "This chain id belongs to a well-known network with a different currency symbol. Check the site is genuine.",
  risk_PARAMS_SWAPPED: "The site sent the parameters in the legacy order; the message was read accordingly.",
  risk_RAW_HASH_SIGNING: "This message is a raw 32-byte hash: signing it could authorize anything. Do not sign unless you are sure.",
  risk_SERIALIZED_TRANSACTION: "This message looks like a serialized transaction. Signing it could move your funds.",
  risk_SIWE_MALFORMED: "This looks like a sign-in message but it is malformed.",
  risk_SIWE_SCHEME_MISMATCH: "This sign-in message names another scheme (http/https) than the site.",
  risk_SIWE_PORT_MISMATCH: "This sign-in message names another port than the site.",
  risk_SIWE_URI_MISMATCH: "This sign-in message names another address (URI) than the site.",
  risk_SIWE_ADDRESS_MISMATCH: "This sign-in message names another account than the one signing.",
  risk_SIWE_NOT_YET_VALID: "This sign-in message is not valid yet.",
  tab_nfts: 'NFTs',
  gasPriceGwei: 'Gas price (gwei)',
  applyFee: 'Apply fee',
  err_RPC_WRONG_CHAIN: 'This RPC serves chain {reported}, not {declared}. Nothing was changed.',
  err_NOT_BUILTIN: 'Only a built-in network can be reset to its defaults.',
  err_TX_WOULD_FAIL: 'The network says this transaction would fail: {detail}',
  err_NOT_A_TOKEN: 'That contract does not look like an ERC-20 token (no symbol or decimals).',
  err_INVALID_SYMBOL: 'The currency symbol must be 1 to 11 letters or digits.',
  err_RPC_CHECK_FAILED: 'Could not read the chain ID from this RPC. Is the URL correct and reachable?',
  err_NO_EVM_ACCOUNT: 'The selected wallet has no EVM account.',
  nftsEmpty: 'No NFTs watched on this network yet. A site can add one (wallet_watchAsset) after you approve.',
  nftsEvmOnly: 'NFTs are shown for EVM networks.',
  nftHeld: 'Held: {n}',
  nftSendConfirm: 'Send NFT',
  nftSent: 'Sent. Transaction {hash}',
  nftImageShow: 'Show image',
  nftImageHint: 'The image is on {host}. Loading it tells that server your IP address, so it is shown only when you ask.',
  metaMaskCompat: 'MetaMask compatibility',
  metaMaskCompatHint: 'Sites that only work with MetaMask see this wallet as compatible (window.ethereum.isMetaMask). Sites that list wallets still see its real name.',
} as const;

export type EvmMessageKey = keyof typeof evmEn;

export const evmMessages: FamilyMessages<EvmMessageKey> = {
  en: evmEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.evmZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.evmZhTW),
};
