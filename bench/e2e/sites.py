"""The crawled sites: Debian's postgresql-doc HTML and a generated documentation site, both served
by a private nginx on several loopback hosts."""
import os
import random
import shutil
import subprocess
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PG_DOCS = Path("/usr/share/doc/postgresql-doc-15/html")
PG_DOCS_PACKAGE = "postgresql-doc-15"
HOSTS = ("127.0.0.11", "127.0.0.12", "127.0.0.13")
PG_DOCS_PORT = 28101
GENERATED_PORT = 28102
LARGE_PORT = 28103  # the large generated site, whose pages link across HOSTS
SPA_PORT = 28104  # the application-shell site: every page's text and links are written by a script

FANOUT = 8
SECTIONS = FANOUT
SYLLABLES = ("ka", "lo", "mi", "ne", "ro", "ta", "vu", "si", "de", "pa", "gri", "sto", "qua", "ben", "lux", "tor")


def ensure_pg_docs():
    """Installs postgresql-doc when its HTML is missing (as root; else says how)."""
    if (PG_DOCS / "index.html").exists():
        return
    if os.geteuid() != 0:
        raise SystemExit(f"{PG_DOCS} is missing: apt-get install {PG_DOCS_PACKAGE} (as root), then run the bench again")
    print(f"Installing {PG_DOCS_PACKAGE} ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", PG_DOCS_PACKAGE]
    if subprocess.run(install, env=env).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True)
        subprocess.run(install, env=env, check=True)


def generate_site(root, pages, seed=7, spread=False):
    """A documentation site of `pages` pages of 10-30 KB (nav, paragraphs, code, tables), linked as
    a tree of fan-out 8 plus cross links; written once, kept while the page count matches. `spread`:
    page n lives on HOSTS[n % 3] (every host serves them all) and links name that host, so one job
    crawls three hosts."""
    done = root / ".generated"
    if done.exists() and done.read_text() == str(pages):
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    print(f"Generating a {pages}-page site in {root} ...", flush=True)
    rng = random.Random(seed)
    words = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(600)})
    chunks = [(root, range(start, min(start + 2000, pages)), pages, seed, words, spread) for start in range(0, pages, 2000)]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as workers:
        list(workers.map(write_pages, chunks))
    done.write_text(str(pages))
    return root


def write_pages(chunk):
    root, numbers, pages, seed, words, spread = chunk
    href = spread_url if spread else page_path
    for page in numbers:
        path = root / page_path(page).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(page, pages, random.Random(seed * 100_003 + page), words, href))


def spread_url(page):
    return f"http://{HOSTS[page % len(HOSTS)]}:{LARGE_PORT}{page_path(page)}"


def page_path(page):
    if page == 0:
        return "/index.html"
    section = page
    while (section - 1) // FANOUT != 0:
        section = (section - 1) // FANOUT
    return f"/guide/section-{section}/page-{page}.html"


def title(page):
    return "Overview" if page == 0 else f"Topic {page}"


def render_page(page, pages, rng, words, href):
    def sentence():
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
        return text[0].upper() + text[1:] + "."

    def link(target):
        return f'<a href="{href(target)}">{title(target)}</a>'

    def paragraph():
        parts = [sentence() for _ in range(rng.randint(3, 7))]
        if rng.random() < 0.4:
            parts.insert(rng.randrange(len(parts)), f"See {link(rng.randrange(pages))}.")
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts)), f"Use <code>{rng.choice(words)}_{rng.choice(words)}()</code> here.")
        return "<p>" + " ".join(parts) + "</p>"

    def code_block():
        lines = [f"{rng.choice(words)} = {rng.choice(words)}.{rng.choice(words)}({rng.randint(0, 99)})" for _ in range(rng.randint(4, 14))]
        return '<pre><code class="language-python">' + "\n".join(lines) + "</code></pre>"

    def table():
        rows = "".join("<tr>" + "".join(f"<td>{rng.choice(words)}</td>" for _ in range(4)) + "</tr>" for _ in range(rng.randint(3, 12)))
        return "<table><thead><tr><th>Name</th><th>Type</th><th>Default</th><th>Notes</th></tr></thead><tbody>" + rows + "</tbody></table>"

    parent = (page - 1) // FANOUT if page else None
    children = [c for c in range(page * FANOUT + 1, page * FANOUT + FANOUT + 1) if c < pages]
    crumbs, ancestor = [], parent
    while ancestor is not None:
        crumbs.insert(0, link(ancestor))
        ancestor = (ancestor - 1) // FANOUT if ancestor else None
    nav = " | ".join(link(s) for s in range(1, min(SECTIONS, pages - 1) + 1))
    body = []
    target_bytes = rng.randint(10_000, 30_000)
    while sum(map(len, body)) < target_bytes - 3_000:
        body.append(rng.choice((paragraph, paragraph, paragraph, paragraph, code_block, table))())
        if rng.random() < 0.15:
            body.append(f"<h2>{sentence()[:40]}</h2>")
    see_also = "".join(f"<li>{link(rng.randrange(pages))}</li>" for _ in range(6))
    pager = " ".join(link(p) for p in (page - 1, page + 1) if 0 <= p < pages)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title(page)} - Bench Docs</title>
<meta name="description" content="{sentence()}"></head>
<body><header><nav class="top">{link(0)} | {nav}</nav><nav class="crumbs">{" &gt; ".join(crumbs)}</nav></header>
<main><h1>{title(page)}</h1>
{"".join(body)}
<h2>In this section</h2><ul>{"".join(f"<li>{link(c)}</li>" for c in children)}</ul>
<h2>See also</h2><ul>{see_also}</ul></main>
<footer><nav class="pager">{pager}</nav><p>Generated for the SimpleCrawler benchmark.</p></footer></body></html>
"""


SPA_SCRIPT = """// every page of the bench's SPA site is an empty shell: this writes its text and links
const page = Number((location.pathname.match(/p(\\d+)\\.html$/) || [0, 0])[1]);
const pages = Number(document.body.dataset.pages);
const root = document.getElementById("root");
const words = ["render", "script", "browser", "shell", "page", "crawl", "mount", "virtual", "node", "tree"];
let text = "";
for (let i = 0; i < 400; i++) text += words[(page * 7 + i * 3) % words.length] + (i % 12 === 11 ? ". " : " ");
const heading = document.createElement("h1");
heading.textContent = "Rendered page " + page;
root.append(heading);
for (let p = 0; p < 4; p++) {
  const paragraph = document.createElement("p");
  paragraph.textContent = text.slice(p * 600, p * 600 + 600);
  root.append(paragraph);
}
const list = document.createElement("ul");
for (let child = page * 4 + 1; child <= page * 4 + 4 && child < pages; child++) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = "/p" + child + ".html";
  link.textContent = "page " + child;
  item.append(link);
  list.append(item);
}
root.append(list);
"""


def generate_spa_site(root, pages):
    """`pages` application shells (p0.html ... as a tree of fan-out 4) and the script that fills
    them: without a browser a crawler sees one empty page."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "app.js").write_text(SPA_SCRIPT)
    for page in range(pages):
        (root / f"p{page}.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page {page}</title></head>'
            f'<body data-pages="{pages}"><div id="root"></div><script src="/app.js"></script></body></html>\n')
    return root


class SiteServer:
    """nginx serving the two sites on HOSTS, its config, pid and temp files in `folder`; stopped by PID."""

    def __init__(self, folder, generated_root, large_root=None, spa_root=None, nginx_bin="/usr/sbin/nginx"):
        self.folder = folder
        self.generated_root = generated_root
        self.large_root = large_root
        self.spa_root = spa_root
        self.nginx_bin = nginx_bin
        self.process = None

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        conf = self.folder / "nginx.conf"
        conf.write_text(self._config())
        self.process = subprocess.Popen([self.nginx_bin, "-c", str(conf), "-e", str(self.folder / "error.log"), "-g", "daemon off;"],
                                        stdin=subprocess.DEVNULL)
        for url in (self.pg_docs_url(HOSTS[0]), self.generated_url(HOSTS[-1])):
            await_answer(url, self.process)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    @staticmethod
    def pg_docs_url(host):
        return f"http://{host}:{PG_DOCS_PORT}/index.html"

    @staticmethod
    def generated_url(host):
        return f"http://{host}:{GENERATED_PORT}/index.html"

    @staticmethod
    def large_url(host):
        return f"http://{host}:{LARGE_PORT}/index.html"

    @staticmethod
    def spa_url(host):
        return f"http://{host}:{SPA_PORT}/p0.html"

    def _config(self):
        def server(port, root):
            listens = "".join(f"    listen {host}:{port};\n" for host in HOSTS)
            return f"  server {{\n{listens}    root {root};\n    index index.html;\n  }}\n"

        large = server(LARGE_PORT, self.large_root) if self.large_root else ""
        large += server(SPA_PORT, self.spa_root) if self.spa_root else ""
        temp = "".join(f"  {kind}_temp_path {self.folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        return (f"worker_processes 2;\npid {self.folder / 'nginx.pid'};\nevents {{ worker_connections 1024; }}\n"
                f"http {{\n  access_log off;\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
                f"  sendfile on;\n  keepalive_requests 100000;\n{temp}"
                f"{server(PG_DOCS_PORT, PG_DOCS)}{server(GENERATED_PORT, self.generated_root)}{large}}}\n")


def await_answer(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"nginx does not answer on {url}")
        time.sleep(0.2)

