/**
 * Which links a job fetches: links sorted by the job's scope and trap defences
 * ({@link io.simplecrawler.frontier.admission.LinkCandidates}), and atomic admission against the
 * page budget and the URLs fetchers already claimed, in Redis
 * ({@link io.simplecrawler.frontier.admission.AdmissionScript}).
 */
package io.simplecrawler.frontier.admission;
