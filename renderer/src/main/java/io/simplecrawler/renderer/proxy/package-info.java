/** The guarded forward proxy between the browser and the network: every connection checked by netguard's policy. */
package io.simplecrawler.renderer.proxy;
