/** eth-url-parser ships no types; the two functions the cross-check uses. */
declare module 'eth-url-parser' {
  export interface EthUrl {
    scheme: string;
    prefix?: string;
    target_address: string;
    chain_id?: string;
    function_name?: string;
    parameters?: Record<string, string>;
  }
  export function parse(uri: string): EthUrl;
  export function build(url: EthUrl): string;
}
