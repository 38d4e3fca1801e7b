export { deriveAccount, deriveKeypair } from './deriveAccount.ts';
export { createDeriver, type Deriver } from './deriver.ts';
export { accountFromPrivateKey } from './accountFromPrivateKey.ts';
export { isValidAddress, validateAddress } from './validateAddress.ts';
export { familyKeys, type KeyOptions } from './options.ts';
export { KeyDerivationError } from './errors.ts';
export { generateMnemonic, isMnemonicWord, isValidMnemonic, mnemonicToMiniSecret, mnemonicToSeed, normalizeMnemonic } from './mnemonic.ts';
export { slip10Ed25519Derive, slip10Ed25519Master, type Slip10Node } from './slip10Ed25519.ts';
export { parsePath } from './path.ts';
