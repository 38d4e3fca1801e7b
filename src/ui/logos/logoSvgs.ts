/**
 * The bundled logos (MIT, @web3icons/core "branded" SVGs): only these, imported one by one, in a
 * chunk of its own that the popup loads after its first paint (src/ui/logos/useLogos.ts). SVG
 * markup from the package, shown as <img src="data:image/svg+xml,…"> (an <img> runs no script).
 */
import USDT from '@web3icons/core/svgs/tokens/branded/USDT.svg.js';
import USDC from '@web3icons/core/svgs/tokens/branded/USDC.svg.js';
import DAI from '@web3icons/core/svgs/tokens/branded/DAI.svg.js';
import WBTC from '@web3icons/core/svgs/tokens/branded/WBTC.svg.js';
import ETH from '@web3icons/core/svgs/tokens/branded/ETH.svg.js';
import BNB from '@web3icons/core/svgs/tokens/branded/BNB.svg.js';
import POL from '@web3icons/core/svgs/tokens/branded/POL.svg.js';
import AVAX from '@web3icons/core/svgs/tokens/branded/AVAX.svg.js';
import BTC from '@web3icons/core/svgs/tokens/branded/BTC.svg.js';
import SOL from '@web3icons/core/svgs/tokens/branded/SOL.svg.js';
import TRX from '@web3icons/core/svgs/tokens/branded/TRX.svg.js';
import APT from '@web3icons/core/svgs/tokens/branded/APT.svg.js';
import DOT from '@web3icons/core/svgs/tokens/branded/DOT.svg.js';
import KSM from '@web3icons/core/svgs/tokens/branded/KSM.svg.js';
import EOS from '@web3icons/core/svgs/tokens/branded/EOS.svg.js';
import OKT from '@web3icons/core/svgs/tokens/branded/OKT.svg.js';
import net_ethereum from '@web3icons/core/svgs/networks/branded/ethereum.svg.js';
import net_bsc from '@web3icons/core/svgs/networks/branded/binance-smart-chain.svg.js';
import net_polygon from '@web3icons/core/svgs/networks/branded/polygon.svg.js';
import net_arbitrum from '@web3icons/core/svgs/networks/branded/arbitrum-one.svg.js';
import net_optimism from '@web3icons/core/svgs/networks/branded/optimism.svg.js';
import net_base from '@web3icons/core/svgs/networks/branded/base.svg.js';
import net_zksync from '@web3icons/core/svgs/networks/branded/zksync.svg.js';
import net_linea from '@web3icons/core/svgs/networks/branded/linea.svg.js';
import net_avalanche from '@web3icons/core/svgs/networks/branded/avalanche.svg.js';
import net_oktc from '@web3icons/core/svgs/networks/branded/okex.svg.js';
import net_bitcoin from '@web3icons/core/svgs/networks/branded/bitcoin.svg.js';
import net_solana from '@web3icons/core/svgs/networks/branded/solana.svg.js';
import net_tron from '@web3icons/core/svgs/networks/branded/tron.svg.js';
import net_aptos from '@web3icons/core/svgs/networks/branded/aptos.svg.js';
import net_polkadot from '@web3icons/core/svgs/networks/branded/polkadot.svg.js';
import net_eos from '@web3icons/core/svgs/networks/branded/eos.svg.js';

/** Coin and token logos by symbol (WETH and BTCB draw as their underlying coin). */
export const TOKEN_SVGS: Readonly<Record<string, string>> = { USDT, USDC, DAI, WBTC, ETH, BNB, POL, AVAX, BTC, SOL, TRX, APT, DOT, KSM, EOS, OKT, WETH: ETH, BTCB: BTC };

/** Network logos by key (src/ui/logos/networkKeys.ts). */
export const NETWORK_SVGS: Readonly<Record<string, string>> = { ethereum: net_ethereum, bsc: net_bsc, polygon: net_polygon, arbitrum: net_arbitrum, optimism: net_optimism, base: net_base, zksync: net_zksync, linea: net_linea, avalanche: net_avalanche, oktc: net_oktc, bitcoin: net_bitcoin, solana: net_solana, tron: net_tron, aptos: net_aptos, polkadot: net_polkadot, eos: net_eos };
