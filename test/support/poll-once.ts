import { withFanOutBatcher } from '../../shared/pipeline/fan-out-batcher.js';
import { pollBill, type BillPollDependencies, type BillPollResult, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import type { WatchedBill } from '../../shared/store/bill-store.js';

/**
 * Polls one bill as a run of its own would: `poll` (pollBill, pollBillSafely) with a fan-out batcher that is flushed
 * before this resolves, so what the poll queued has been sent (or failed) by then.
 */
export async function pollOnce(
  deps: PollDependencies,
  watched: WatchedBill,
  poll: (deps: BillPollDependencies, watched: WatchedBill) => Promise<BillPollResult> = pollBill,
): Promise<BillPollResult> {
  const { result } = await withFanOutBatcher(deps, (fanOut) => poll({ ...deps, fanOut }, watched));
  return result;
}
