"""The end-to-end benchmark of issue 7: crawl jobs on a fresh local stack against loopback sites,
with wget --recursive and Scrapy over the same seeds as the references (issue 14). Prints a table
and writes bench/results/e2e.json (and a timestamped copy).

    python3 bench/e2e/bench.py [--scenarios c,s,a,b] [--jfr] [--references-only]
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import references
import sites
from stack import Stack, cpu_seconds, memory_kb, pss_kb, reset_peak_rss

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "bench" / "work"
RESULTS = REPO / "bench" / "results"
GENERATED_PAGES = 12000
LINEAR_PAGES = 10000
LARGE_PAGES = 100_000
LARGE_SITE_PAGES = 102_000  # a little more than the job asks, so its budget ends it
RENDERED_PAGES = 100
RENDERER_CONCURRENCY = 2  # the renderer's default (RENDERER_CONCURRENCY)
MAX_DEPTH = 10
JOB_TIMEOUT_S = 1800
SITE_NGINX = "site-nginx"
SERVICES = ("gateway", "frontier", "exporter", "kafka")
NOTES = [
    "The stack is started fresh for the bench; peak RSS is VmHWM, reset to the current RSS at the start of "
    "each scenario (/proc/<pid>/clear_refs), so it is the scenario's peak (since process start where the reset is refused).",
    "stack_rss_peak_mb: the largest sum of VmRSS over the stack's processes, sampled every 0.5 s; stack_pss_peak_mb the "
    "same with Pss (/proc/<pid>/smaps_rollup), which counts a page shared by several processes once in all.",
    "CPU: utime+stime (+cutime+cstime of reaped children, e.g. Postgres backends) per process group, "
    "delta over the scenario, divided by the pages crawled.",
    "fetched_to_exported: exported_pages.exported_at (the exporter's transaction time) minus the page record's "
    "fetchedAt (when its request started).",
    "first_page: the earliest page record's fetchedAt minus the client's submit time (median over jobs).",
    "wget: --recursive --level=10 --no-parent, --quota = the bytes the job fetched, one wget per job in parallel.",
    "scrapy: bench/e2e/scrapy_spider.py, a CrawlSpider that only follows links on the seed's origin, 16 requests at once, "
    "no delay, robots.txt obeyed, DEPTH_LIMIT=10, CLOSESPIDER_PAGECOUNT = the job's maxPages; one Scrapy process per "
    "job in parallel, as the jobs and wget run; timed from start to exit like wget; pages = HTML pages it parsed.",
    "ratio_vs_wget, ratio_vs_scrapy: SimpleCrawler pages/s divided by the reference's pages/s on the same seeds.",
    "renderer_mb_per_concurrent_page: (r) the renderer's peak PSS during the job (its JVM and every Chromium process "
    "under it) minus its PSS before the job, divided by its concurrency (RENDERER_CONCURRENCY, 2).",
    "scrape_ms: Firecrawl's POST /v2/scrape of one page (a one-page job) from the client's request to its answer, "
    "one scrape after another after one unmeasured; the target is under 1000 ms.",
]


@dataclass
class Scenario:
    key: str
    title: str
    seeds: list
    max_pages: int
    fetchers: int = 0  # 0: as the stack runs
    repeats: int = 1
    warmups: int = 0  # jobs run, unmeasured, before the measured ones
    heap_probes: tuple = ()  # fractions of max_pages at which every service's heap is measured after a full GC
    external: bool = False  # the seeds' links lead to other hosts, which the job follows
    references: bool = True  # wget and Scrapy run on the same seeds
    render: str = None  # the jobs' render setting (never when None)


def scenarios(wanted):
    pg_docs = sites.SiteServer.pg_docs_url
    generated = sites.SiteServer.generated_url
    host = sites.HOSTS[0]
    every = [
        Scenario("c", "(c) 10-page job, idle stack", [pg_docs(host)], 10, repeats=5),
        Scenario("s", "(s) Firecrawl scrape of one page", [pg_docs(host)], 1, repeats=10, warmups=1),
        Scenario("a", "(a) 1000 pages, postgresql docs", [pg_docs(host)], 1000),
        Scenario("w", "(a) warm: after a warm-up job", [pg_docs(host)], 1000, warmups=1),
        Scenario("l1", "(l) 1000 pages, generated site", [generated(host)], 1000, warmups=1),
        Scenario("l10", f"(l) {LINEAR_PAGES} pages, generated site", [generated(host)], LINEAR_PAGES, heap_probes=(0.1, 0.9)),
        Scenario("h", f"(h) {LARGE_PAGES:,} pages, 3 hosts", [sites.SiteServer.large_url(host)], LARGE_PAGES,
                 heap_probes=(0.1, 0.9), external=True, references=False),
        Scenario("r", f"(r) {RENDERED_PAGES} pages rendered in Chromium", [sites.SiteServer.spa_url(host)], RENDERED_PAGES,
                 references=False, render="always"),
        Scenario("b1", "(b) 3x1000 pages, 3 hosts, 1 fetcher", [generated(h) for h in sites.HOSTS], 1000, fetchers=1),
        Scenario("b3", "(b) 3x1000 pages, 3 hosts, 3 fetchers", [generated(h) for h in sites.HOSTS], 1000, fetchers=3),
    ]
    return [s for s in every if s.key.rstrip("0123456789") in wanted]


def crawl_request(seed, scenario):
    request = {"url": seed, "maxPages": scenario.max_pages, "maxDepth": MAX_DEPTH, "concurrency": 16, "delayMs": 0,
               "format": "markdown", "allowExternalLinks": scenario.external}
    if scenario.render:
        request["render"] = scenario.render
    return request


class RssSampler(threading.Thread):
    """The largest sums of VmRSS and of Pss over the stack's processes while it runs (a sum of RSS
    counts memory that processes share, e.g. Postgres' shared buffers, once per process; Pss
    divides it among them)."""

    def __init__(self, processes):
        super().__init__(daemon=True)
        self.processes = processes
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self.group_peak_pss_kb = {}
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.5):
            groups = {group: members for group, members in self.processes().items() if group != SITE_NGINX}
            pids = [pid for members in groups.values() for pid in members]
            self.peak_kb = max(self.peak_kb, sum(memory_kb(pid, "VmRSS") for pid in pids))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(pss_kb(pid) for pid in pids))
            for group, members in groups.items():
                pss = sum(pss_kb(pid) for pid in members)
                self.group_peak_pss_kb[group] = max(self.group_peak_pss_kb.get(group, 0), pss)

    def stop(self):
        self.done.set()
        self.join()
        return self.peak_kb, self.peak_pss_kb


def epoch(timestamp):
    return datetime.datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))] if ordered else None


def await_jobs(stack, ids, max_pages, probe=None):
    timeout_s = max(JOB_TIMEOUT_S, max_pages // 20)
    deadline = time.monotonic() + timeout_s
    pending, done = set(ids), {}
    while pending:
        for job_id in list(pending):
            job = stack.job(job_id)
            if probe:
                probe.check(job)
            if job["status"] in ("completed", "failed", "cancelled"):
                done[job_id] = job
                pending.discard(job_id)
        if time.monotonic() > deadline:
            raise SystemExit(f"jobs {sorted(pending)} not finished after {timeout_s} s")
        time.sleep(0.1)
    return [done[job_id] for job_id in ids]


def page_records(stack, job_id):
    """The job's page records (url, fetchedAt, bytes only: a 100,000-page journal is gigabytes), robots.txt left out."""
    journal = stack.results(job_id) / "pages.jsonl"
    if not journal.exists():
        return []
    with journal.open() as lines:
        records = ({k: r.get(k) for k in ("url", "fetchedAt", "bytes")} for r in map(json.loads, filter(str.strip, lines)))
        return [r for r in records if not r["url"].endswith("/robots.txt")]


def run_jobs(stack, scenario):
    """One repetition: submits a job per seed at once and waits until all are finished."""
    submitted = time.time()
    ids = [stack.submit(crawl_request(seed, scenario)) for seed in scenario.seeds]
    probe = HeapProbe(stack, ids[0], scenario) if scenario.heap_probes else None
    jobs = await_jobs(stack, ids, scenario.max_pages, probe)
    finished = max(epoch(job["finishedAt"]) for job in jobs if job.get("finishedAt")) if jobs else time.time()
    first_pages, latencies, job_bytes = [], [], []
    for job in jobs:
        records = page_records(stack, job["id"])
        exported = stack.exported_at(job["id"])
        if records:
            first_pages.append(min(epoch(r["fetchedAt"]) for r in records) - submitted)
        latencies += [exported[r["url"]] - epoch(r["fetchedAt"]) for r in records if r["url"] in exported and r.get("fetchedAt")]
        job_bytes.append(sum(r["bytes"] or 0 for r in records))
    pages = sum(job["pagesCrawled"] for job in jobs)
    seconds = finished - submitted
    return {
        "heap_after_full_gc_mb": probe.measured if probe else None,
        "jobs": [{k: job[k] for k in ("id", "status", "pagesCrawled", "pagesFailed", "bytesDownloaded", "durationMs")} for job in jobs],
        "pages": pages, "seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 1),
        "first_page_s": first_pages, "latencies_s": latencies, "job_bytes": job_bytes,
    }


class HeapProbe:
    """At each of the scenario's fractions of the job's pages, a full GC in every service JVM
    (jcmd GC.run), then its used heap (GC.heap_info): a structure that grows with the page count
    shows as a larger heap at 90% than at 10%."""

    def __init__(self, stack, job_id, scenario):
        self.stack = stack
        self.job_id = job_id
        self.pending = [(fraction, round(fraction * scenario.max_pages)) for fraction in scenario.heap_probes]
        self.measured = {}

    def check(self, job):
        if job["id"] != self.job_id or not self.pending or job.get("pagesWritten", 0) < self.pending[0][1]:
            return
        fraction, _ = self.pending.pop(0)
        services = {g: pids[0] for g, pids in self.stack.processes({}).items() if g in SERVICES or g.startswith("fetcher-")}
        self.measured[f"{round(fraction * 100)}%"] = {group: used_heap_mb(pid) for group, pid in sorted(services.items())}
        print(f"  heap after full GC at {round(fraction * 100)}% of the job (MB): {self.measured[f'{round(fraction * 100)}%']}", flush=True)


def used_heap_mb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=False)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=False).stdout
    used_kb = sum(int(used) for used in re.findall(r"generation\s+total \d+K, used (\d+)K", info))
    return round(used_kb / 1024, 1)


def run_scenario(stack, site_server, scenario):
    print(f"--- {scenario.title}", flush=True)
    if scenario.fetchers:
        stack.scale(scenario.fetchers)
    for _ in range(scenario.warmups):
        run_jobs(stack, scenario)
    processes = lambda: stack.processes({SITE_NGINX: site_server.process.pid})
    before = processes()
    peaks_reset = all([reset_peak_rss(pid) for members in before.values() for pid in members])
    cpu_before = {pid: cpu_seconds(pid) for members in before.values() for pid in members}
    renderers_before_kb = sum(pss_kb(pid) for group, members in before.items() if group.startswith("renderer-") for pid in members)
    sampler = RssSampler(processes)
    sampler.start()
    runs = [run_jobs(stack, scenario) for _ in range(scenario.repeats)]
    stack_rss_peak_kb, stack_pss_peak_kb = sampler.stop()
    renderers_peak_kb = sum(kb for group, kb in sampler.group_peak_pss_kb.items() if group.startswith("renderer-"))
    after = processes()
    pages = sum(run["pages"] for run in runs)
    cpu = {group: sum(cpu_seconds(pid) - cpu_before.get(pid, 0.0) for pid in members) for group, members in after.items()}
    peak_rss = {group: sum(memory_kb(pid, "VmHWM") for pid in members) for group, members in after.items()}
    latencies = [latency for run in runs for latency in run.pop("latencies_s")]
    first_pages = [first for run in runs for first in run.pop("first_page_s")]
    pages_per_s = statistics.median(run["pages_per_s"] for run in runs)
    wget, ratio_vs_wget = versus(pages_per_s, references.wget(scenario.seeds, round(statistics.mean(runs[0]["job_bytes"])), MAX_DEPTH)
                                 if scenario.references else None)
    scrapy, ratio_vs_scrapy = versus(pages_per_s, references.scrapy(scenario.seeds, scenario.max_pages, MAX_DEPTH)
                                     if scenario.references else None)
    return {
        "key": scenario.key, "title": scenario.title, "seeds": scenario.seeds, "max_pages": scenario.max_pages,
        "fetchers": len([g for g in after if g.startswith("fetcher-")]), "repeats": scenario.repeats,
        "pages": pages,
        "seconds": statistics.median(run["seconds"] for run in runs),
        "pages_per_s": pages_per_s,
        "first_page_s": round(statistics.median(first_pages), 3) if first_pages else None,
        "fetched_to_exported_ms": {"p50": ms(percentile(latencies, 50)), "p99": ms(percentile(latencies, 99)), "pages": len(latencies)},
        "cpu_ms_per_page": {group: round(1000 * seconds / pages, 2) for group, seconds in cpu.items()} if pages else {},
        "peak_rss_mb": {group: round(kb / 1024, 1) for group, kb in peak_rss.items()},
        "peak_rss_since": "scenario start" if peaks_reset else "process start",
        "stack_rss_peak_mb": round(stack_rss_peak_kb / 1024, 1),
        "stack_pss_peak_mb": round(stack_pss_peak_kb / 1024, 1),
        "renderer_mb_per_concurrent_page":
            round((renderers_peak_kb - renderers_before_kb) / 1024 / RENDERER_CONCURRENCY, 1) if scenario.render else None,
        "wget": wget, "ratio_vs_wget": ratio_vs_wget, "scrapy": scrapy, "ratio_vs_scrapy": ratio_vs_scrapy,
        "runs": runs,
    }


def versus(pages_per_s, measured):
    """A reference crawler's (pages, seconds) as reported, and `pages_per_s` as a multiple of its
    pages/s; None, None when it did not run."""
    if measured is None:
        return None, None
    pages, seconds = measured
    theirs = pages / seconds if seconds else None
    return ({"pages": pages, "seconds": round(seconds, 3), "pages_per_s": round(theirs, 1) if theirs else None},
            round(pages_per_s / theirs, 3) if theirs else None)


def run_scrapes(stack, scenario):
    """(s): Firecrawl's scrape of the seed page, one at a time: the client's time from request to
    answer (the one-page job's submission, crawl, write and the gateway's wait for it)."""
    print(f"--- {scenario.title}", flush=True)
    seed = scenario.seeds[0]
    for _ in range(scenario.warmups):
        stack.scrape(seed)
    timings = []
    for _ in range(scenario.repeats):
        started = time.monotonic()
        document = stack.scrape(seed)
        timings.append(time.monotonic() - started)
        if document["metadata"]["statusCode"] != 200:
            raise SystemExit(f"scrape of {seed} answered status {document['metadata']['statusCode']}")
    return {"key": scenario.key, "title": scenario.title, "seeds": scenario.seeds, "repeats": scenario.repeats,
            "scrape_ms": {"p50": ms(statistics.median(timings)), "max": ms(max(timings)),
                          "all": [ms(t) for t in timings]},
            "scrape_under_1_s": max(timings) < 1}


def run_or_report(stack, site_server, scenario):
    """A scenario's figures, or what went wrong: one failed scenario does not lose the others."""
    try:
        if scenario.key == "s":
            return run_scrapes(stack, scenario)
        return run_scenario(stack, site_server, scenario)
    except (OSError, KeyError, subprocess.CalledProcessError, SystemExit) as e:
        print(f"{scenario.title} failed: {e}", flush=True)
        return {"key": scenario.key, "title": scenario.title, "error": str(e)}


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def print_report(results):
    columns = [("scenario", 40, lambda r: r["title"]), ("pages", 6, lambda r: r["pages"]), ("s", 8, lambda r: r["seconds"]),
               ("pages/s", 8, lambda r: r["pages_per_s"]), ("1st page s", 10, lambda r: r["first_page_s"]),
               ("f>e p50 ms", 10, lambda r: r["fetched_to_exported_ms"]["p50"]),
               ("f>e p99 ms", 10, lambda r: r["fetched_to_exported_ms"]["p99"]),
               ("stack RSS MB", 12, lambda r: r["stack_rss_peak_mb"]), ("PSS MB", 7, lambda r: r["stack_pss_peak_mb"]), ("wget p/s", 9, lambda r: (r["wget"] or {}).get("pages_per_s")),
               ("x wget", 7, lambda r: r["ratio_vs_wget"]), ("scrapy p/s", 10, lambda r: (r["scrapy"] or {}).get("pages_per_s")),
               ("x scrapy", 8, lambda r: r["ratio_vs_scrapy"])]
    scrapes = [r for r in results if "scrape_ms" in r]
    results = [r for r in results if "scrape_ms" not in r]
    print()
    for rendered in (r for r in results if r.get("renderer_mb_per_concurrent_page") is not None):
        print(f"{rendered['title']:<40}  {rendered['pages_per_s']} rendered pages/s; renderer memory "
              f"{rendered['renderer_mb_per_concurrent_page']} MB per concurrent page (PSS)")
    for scrape in scrapes:
        print(f"{scrape['title']:<40}  submit to answer p50 {scrape['scrape_ms']['p50']} ms, max {scrape['scrape_ms']['max']} ms "
              f"over {scrape['repeats']}: " + ("under 1 s" if scrape["scrape_under_1_s"] else "NOT under 1 s"))
    print("  ".join(f"{name:<{width}}" if i == 0 else f"{name:>{width}}" for i, (name, width, _) in enumerate(columns)))
    for result in results:
        if "error" in result:
            print(f"{result['title']:<40}  failed: {result['error']}")
            continue
        print("  ".join(f"{str(get(result)):<{width}}" if i == 0 else f"{str(get(result)):>{width}}"
                        for i, (_, width, get) in enumerate(columns)))
    results = [r for r in results if "error" not in r]
    groups = sorted({g for r in results for g in r["peak_rss_mb"]}, key=group_order)
    for label, field in (("CPU ms per page", "cpu_ms_per_page"), ("peak RSS MB", "peak_rss_mb")):
        print(f"\n{label:<16}" + "".join(f"{r['key']:>10}" for r in results))
        for group in groups:
            print(f"{group:<16}" + "".join(f"{str(r[field].get(group, '-')):>10}" for r in results))


def group_order(group):
    order = ["gateway", "frontier", "fetcher", "renderer", "exporter", "kafka", "stores", "postgres", "redis", "nginx", SITE_NGINX]
    base = group.split("-")[0] if group.startswith(("fetcher-", "renderer-")) else group
    return (order.index(base) if base in order else len(order), group)


def run_references(wanted):
    """--references-only: the reference crawlers on the scenarios' seeds, without a stack; wget
    has no job to take its quota from, so it crawls the whole site (to maxDepth)."""
    for scenario in {tuple(s.seeds): s for s in scenarios(wanted) if s.key != "s"}.values():
        for name, measured in (("wget", references.wget(scenario.seeds, 0, MAX_DEPTH)),
                               ("scrapy", references.scrapy(scenario.seeds, scenario.max_pages, MAX_DEPTH))):
            figures = versus(0, measured)[0]
            print(f"{scenario.title:<40} {name:<6} " + (f"{figures['pages']} pages in {figures['seconds']} s, "
                                                       f"{figures['pages_per_s']} pages/s" if figures else "did not run"), flush=True)


def git_commit():
    return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", default="c,s,a,w,r,b", help="which of c, s, a, w, l, h, r, b to run, in this order (default c,s,a,w,r,b; l and h are the long ones)")
    parser.add_argument("--jfr", action="store_true", help="record every JVM of the stack with JFR into bench/results/jfr-<time>/")
    parser.add_argument("--references-only", action="store_true", help="run only wget and Scrapy on the scenarios' sites, no stack")
    args = parser.parse_args()
    wanted = args.scenarios.split(",")
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
    sites.ensure_pg_docs()
    references.ensure_scrapy()
    large_site = sites.generate_site(WORK / "generated-site-large", LARGE_SITE_PAGES, spread=True) if "h" in wanted else None
    spa_site = sites.generate_spa_site(WORK / "spa-site", RENDERED_PAGES) if "r" in wanted else None
    site_server = sites.SiteServer(WORK / "site-nginx", sites.generate_site(WORK / "generated-site", GENERATED_PAGES), large_site,
                                   spa_site).start()
    if args.references_only:
        try:
            return run_references(wanted)
        finally:
            site_server.stop()
    stack = Stack(REPO, WORK / "run", RESULTS / f"jfr-{stamp}" if args.jfr else None)
    load_before = os.getloadavg()
    try:
        started = time.monotonic()
        stack.start_fresh(fetchers=2)
        print(f"Stack up in {time.monotonic() - started:.0f} s", flush=True)
        results = [run_or_report(stack, site_server, scenario) for scenario in scenarios(wanted)]
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"{' '.join(e.cmd)} failed (exit {e.returncode}); logs in {stack.run_dir / 'logs'}")
    finally:
        stack.stop()
        site_server.stop()
    print_report(results)
    report = {"started": stamp, "commit": git_commit(), "cpus": os.cpu_count(), "loadavg_before": load_before,
              "jfr": str(stack.jfr_dir) if stack.jfr_dir else None, "notes": NOTES, "scenarios": results}
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name in (f"e2e-{stamp}.json", "e2e.json"):
        (RESULTS / name).write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nJSON: {RESULTS / 'e2e.json'} (and e2e-{stamp}.json)" + (f"; JFR recordings in {stack.jfr_dir}" if stack.jfr_dir else ""))


if __name__ == "__main__":
    main()
