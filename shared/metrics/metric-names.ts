/*
 * The name of every metric the functions publish (namespace METRICS_NAMESPACE, dimension `service`). Publishers and
 * the alarms and dashboard in infra/ import these, and test/infra checks every alarm against what the publishers
 * really emit, so an alarm can no longer watch a metric nobody sends.
 */

/** Bill pages read in a poll run. */
export const BILLS_POLLED = 'BillsPolled';
/** Bill pages or feeds that could not be read or parsed (the source-health alarm). */
export const SOURCE_ERRORS = 'SourceErrors';
/** Bill changes a poll run wrote. */
export const CHANGES_DETECTED = 'ChangesDetected';
/** 1 per finished poll run, whatever it found: the missing-poll alarm treats its absence as breaching. */
export const POLL_COMPLETED = 'PollCompleted';
/** Feeds read in a feed poll run. */
export const FEEDS_POLLED = 'FeedsPolled';
/** News items a feed poll run recorded for the first time. */
export const NEWS_ITEMS = 'NewsItems';
/** 1 when a bill poll run stopped at its time budget with bills it had taken unpolled (they stay due). */
export const POLL_STOPPED_EARLY = 'PollStoppedEarly';
/** Bills a poll run handed to the poll-tasks queue because they would not fit in its own time. */
export const POLL_TASKS_QUEUED = 'PollTasksQueued';
/** 1 when due bills were left for the next run (the host's pace or the time budget could not cover them): sustained, add pace or time. */
export const POLL_DUE_LEFT = 'PollDueLeft';
/**
 * Fan-out messages of a poll run that SQS did not take, or that could not be marked queued: they stay in the outbox
 * and the sweeper queues them after its grace period. Sustained, look at the poller's errors (SQS, DynamoDB).
 */
export const FAN_OUT_LEFT_IN_OUTBOX = 'FanOutLeftInOutbox';
/** Addresses ses-events put on the suppression list (hard bounces, complaints). */
export const ADDRESSES_SUPPRESSED = 'AddressesSuppressed';
/** Emails SES rejected or could not render: never sent, our fault. */
export const SES_SEND_FAILURES = 'SesSendFailures';
/** Emails SES reported delayed by the receiving server. */
export const SES_DELIVERY_DELAYS = 'SesDeliveryDelays';
