"""The reference crawlers, run on a scenario's seeds after its jobs, one process per seed at once
(as the jobs run), timed from start to the last exit: wget --recursive, and Scrapy with the
spider in scrapy_spider.py when Debian's python3-scrapy is installed (see ensure_scrapy)."""
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SPIDER = Path(__file__).with_name("scrapy_spider.py")
ENSURE_PACKAGE = Path(__file__).resolve().parents[2] / "compose" / "local" / "ensure-package.sh"


def wget(seeds, quota_bytes, max_depth):
    """wget --recursive from each seed, each stopping after about `quota_bytes`; the pages fetched
    (HTML files) and the seconds. The downloads are deleted."""
    with tempfile.TemporaryDirectory(prefix="bench-wget-") as folder:
        seconds, _ = run_at_once([["wget", "--recursive", f"--level={max_depth}", "--no-parent", "--quiet",
                                   f"--quota={quota_bytes}", "--reject=css,js,png,jpg,gif,svg,ico",
                                   "--directory-prefix", str(Path(folder) / str(i)), seed]
                                  for i, seed in enumerate(seeds)])
        pages = sum(1 for path in Path(folder).rglob("*.html"))
    return pages, seconds


def scrapy(seeds, max_pages, max_depth):
    """The spider from each seed, each stopping after `max_pages` responses (the few under way
    finish); the HTML pages it parsed and the seconds, Scrapy's start included. None when Scrapy
    is not installed or a spider printed no page count (said on stdout)."""
    if not shutil.which("scrapy"):
        return None
    seconds, outputs = run_at_once([["scrapy", "runspider", str(SPIDER), "-L", "WARNING", "-a", f"seed={seed}",
                                     "-s", f"CLOSESPIDER_PAGECOUNT={max_pages}", "-s", f"DEPTH_LIMIT={max_depth}"]
                                    for seed in seeds], stdout=subprocess.PIPE, text=True)
    try:
        return sum(json.loads(output.splitlines()[-1])["pages"] for output in outputs), seconds
    except (IndexError, KeyError, ValueError):
        print(f"*** WARNING: a Scrapy spider printed no page count (its output: {outputs}); no Scrapy figures ***", flush=True)
        return None


def ensure_scrapy():
    """Installs python3-scrapy when the scrapy command is missing (as root); else says loudly that
    the Scrapy columns stay empty."""
    subprocess.run([str(ENSURE_PACKAGE), "scrapy", "python3-scrapy", "the bench has no Scrapy figures"], check=True)
    if not shutil.which("scrapy"):
        print("\n*** WARNING: Scrapy is not installed (as root: apt-get install python3-scrapy): "
              "the Scrapy columns stay empty ***\n", flush=True)


def run_at_once(commands, **popen):
    """Runs the commands in parallel; the seconds until the last one exited, and their outputs."""
    started = time.monotonic()
    runs = [subprocess.Popen(command, **popen) for command in commands]
    outputs = [run.communicate()[0] for run in runs]
    return time.monotonic() - started, outputs
