/** Sitemaps (crawler-commons): the URLs a site lists, handed to the frontier with the seed for jobs with useSitemap. */
package io.simplecrawler.fetcher.sitemap;
