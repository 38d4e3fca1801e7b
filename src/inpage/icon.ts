/** The wallet icon as a data URI (EIP-6963 and Wallet Standard require one). */
export const WALLET_ICON =
  'data:image/svg+xml;base64,' +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="20" fill="#3b5bdb"/><path d="M22 34h44a8 8 0 0 1 8 8v22a8 8 0 0 1-8 8H22z" fill="#fff"/><circle cx="62" cy="53" r="5" fill="#3b5bdb"/><path d="M22 34l36-12v12" fill="#dbe4ff"/></svg>',
  );
export const WALLET_NAME = 'Multichain Wallet';
export const WALLET_RDNS = 'dev.multichainwallet';
