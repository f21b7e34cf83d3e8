/**
 * The one rule every consumer applies to a record it failed to process: an infrastructure fault
 * (a store or the broker unreachable, slow or busy: {@link io.simplecrawler.faults.InfrastructureFaults})
 * is retried, spaced by a {@link io.simplecrawler.faults.RetryBackoff}; anything else is the
 * record's, and goes to the dead-letter topic as a bounded letter built by
 * {@link io.simplecrawler.faults.DeadLetters}. Where each service retries (on the stream thread,
 * on timers, per batch) stays in the service.
 */
package io.simplecrawler.faults;
