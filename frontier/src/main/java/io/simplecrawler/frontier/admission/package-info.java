/**
 * Which links a job fetches: normalisation and scope ({@link io.simplecrawler.frontier.admission.LinkScope}),
 * and atomic admission against the page budget in Redis ({@link io.simplecrawler.frontier.admission.AdmissionScript}).
 */
package io.simplecrawler.frontier.admission;
