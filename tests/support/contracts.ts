/**
 * Small Solidity contracts for tests, compiled here with the solc npm package (the Emscripten
 * compiler, offline): a minimal ERC-721 and ERC-1155 whose metadata URI is set at deployment (the
 * tests pass data: URIs, so nothing leaves 127.0.0.1), and a contract that reverts with each kind
 * of reason (Error(string), Panic(uint256), a custom error).
 */
import solc from 'solc';
import { encodeAbiParameters, type Abi, type Hex } from 'viem';

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract TestNft721 {
    string public name = "Test Kittens";
    string public symbol = "TKIT";
    string private uri;
    mapping(uint256 => address) private owners;
    mapping(address => uint256) public balanceOf;
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    constructor(string memory tokenUri, address to, uint256 id) {
        uri = tokenUri;
        owners[id] = to;
        balanceOf[to] += 1;
        emit Transfer(address(0), to, id);
    }
    function supportsInterface(bytes4 id) external pure returns (bool) {
        return id == 0x80ac58cd || id == 0x5b5e139f || id == 0x01ffc9a7;
    }
    function ownerOf(uint256 id) public view returns (address) {
        address o = owners[id];
        require(o != address(0), "ERC721: invalid token ID");
        return o;
    }
    function tokenURI(uint256 id) external view returns (string memory) {
        ownerOf(id);
        return uri;
    }
    function transferFrom(address from, address to, uint256 id) public {
        require(ownerOf(id) == from, "ERC721: transfer from incorrect owner");
        require(msg.sender == from, "ERC721: caller is not token owner");
        require(to != address(0), "ERC721: transfer to the zero address");
        owners[id] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        emit Transfer(from, to, id);
    }
    function safeTransferFrom(address from, address to, uint256 id) external {
        transferFrom(from, to, id);
    }
}

contract TestMulti1155 {
    string private metadata;
    mapping(uint256 => mapping(address => uint256)) private balances;
    event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);

    constructor(string memory uri_, address to, uint256 id, uint256 amount) {
        metadata = uri_;
        balances[id][to] = amount;
        emit TransferSingle(msg.sender, address(0), to, id, amount);
    }
    function supportsInterface(bytes4 id) external pure returns (bool) {
        return id == 0xd9b67a26 || id == 0x0e89341c || id == 0x01ffc9a7;
    }
    function uri(uint256) external view returns (string memory) {
        return metadata;
    }
    function balanceOf(address account, uint256 id) external view returns (uint256) {
        return balances[id][account];
    }
    function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes calldata) external {
        require(msg.sender == from, "ERC1155: caller is not owner");
        require(to != address(0), "ERC1155: transfer to the zero address");
        require(balances[id][from] >= value, "ERC1155: insufficient balance for transfer");
        balances[id][from] -= value;
        balances[id][to] += value;
        emit TransferSingle(msg.sender, from, to, id, value);
    }
}

contract Reverter {
    error Unauthorized(address caller);
    uint256 public count;
    event Bumped(uint256 count);

    function withdraw(uint256 amount) external {
        require(amount == 0, "Vault: withdrawal amount exceeds balance");
        count += 1;
    }
    function divide(uint256 by) external {
        count = 100 / by;
    }
    function adminOnly() external {
        revert Unauthorized(msg.sender);
    }
    function bump() external {
        count += 1;
        emit Bumped(count);
    }
}
`;

export interface Compiled {
  abi: Abi;
  bytecode: Hex;
}

let cache: Record<string, Compiled> | undefined;

/** Compiles the test contracts once per process. */
export function testContracts(): Record<'TestNft721' | 'TestMulti1155' | 'Reverter', Compiled> {
  if (!cache) {
    const input = { language: 'Solidity', sources: { 'Test.sol': { content: SOURCE } }, settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'paris', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } };
    const out = JSON.parse(solc.compile(JSON.stringify(input))) as { errors?: Array<{ severity: string; formattedMessage: string }>; contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>> };
    const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
    cache = Object.fromEntries(Object.entries(out.contracts['Test.sol']!).map(([name, c]) => [name, { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` as Hex }]));
  }
  return cache as Record<'TestNft721' | 'TestMulti1155' | 'Reverter', Compiled>;
}

/** Deployment data: bytecode followed by the ABI-encoded constructor arguments. */
export function deployData(c: Compiled, args: readonly unknown[] = []): Hex {
  const ctor = c.abi.find((x) => x.type === 'constructor') as { inputs: readonly { type: string; name: string }[] } | undefined;
  if (!ctor || args.length === 0) return c.bytecode;
  return `${c.bytecode}${encodeAbiParameters(ctor.inputs, args).slice(2)}` as Hex;
}

/** A data: URI of JSON metadata with an inline SVG image, as on-chain NFTs publish it. */
export function dataMetadataUri(name: string, color: string): { uri: string; image: string } {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${color}"/></svg>`;
  const image = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const uri = `data:application/json;base64,${Buffer.from(JSON.stringify({ name, description: 'test token', image })).toString('base64')}`;
  return { uri, image };
}
