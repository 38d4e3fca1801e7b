/** Side effect only: imported first by the popup entry so its requests leave before React loads. */
import { startPrefetch } from './prefetch';

startPrefetch();
