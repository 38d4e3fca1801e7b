/** The few bitcore-lib members the tests use (the package ships no types). */
declare module 'bitcore-lib' {
  interface Network {
    readonly name: string;
  }
  interface Address {
    toString(): string;
  }
  class PublicKey {
    constructor(hex: string);
    toAddress(network?: Network): Address;
    toString(): string;
  }
  class Message {
    constructor(message: string);
    verify(address: string, signatureBase64: string): boolean;
    recoverPublicKey(address: string, signatureBase64: string): string;
    error?: string;
  }
  const bitcore: { PublicKey: typeof PublicKey; Message: typeof Message; Networks: { livenet: Network; testnet: Network } };
  export default bitcore;
}
