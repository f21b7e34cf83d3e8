/**
 * Which links a job fetches: links sorted by the job's scope and trap defences
 * ({@link io.simplecrawler.frontier.admission.LinkCandidates}), to be admitted atomically against
 * the page budget by {@link io.simplecrawler.crawlstate.AdmissionScript}.
 */
package io.simplecrawler.frontier.admission;
