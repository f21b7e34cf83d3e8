"""Scrapy as the bench's reference crawler (issue 14): a CrawlSpider that only extracts and follows
links, within the seed's scheme, host and port (a job's default scope), 16 requests at once, no
delay, robots.txt obeyed. The page limit and depth come from the command line; it prints
{"pages": N} when it closes, N the HTML pages it parsed (robots.txt and error pages not counted).

    scrapy runspider bench/e2e/scrapy_spider.py -L WARNING -a seed=http://127.0.0.11:28101/index.html \\
        -s CLOSESPIDER_PAGECOUNT=1000 -s DEPTH_LIMIT=10
"""
import json
import re
from urllib.parse import urlsplit

from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class LinksOnlySpider(CrawlSpider):
    name = "links-only"
    custom_settings = {"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
                       "ROBOTSTXT_OBEY": True, "TELNETCONSOLE_ENABLED": False, "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7"}

    def __init__(self, seed, *args, **kwargs):
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(seed))
        self.start_urls = [seed]
        self.rules = [Rule(LinkExtractor(allow="^" + re.escape(origin)), callback="count", follow=True)]
        self.pages = 0
        super().__init__(*args, **kwargs)  # compiles the rules

    def count(self, response):
        self.pages += 1

    parse_start_url = count

    def closed(self, reason):
        print(json.dumps({"pages": self.pages, "reason": reason}), flush=True)
