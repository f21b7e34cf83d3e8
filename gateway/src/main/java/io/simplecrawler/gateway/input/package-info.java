/** Refuses client input no field may hold (control characters, unpaired surrogates, unknown JSON fields) with a 400 problem. */
package io.simplecrawler.gateway.input;
