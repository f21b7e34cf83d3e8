"""The local stack (compose/local/run.sh) in the bench's own run folder and ports, so that a
developer's `make run` stack is never touched, and the processes it runs, read from /proc."""
import json
import os
import socket
import subprocess
import urllib.request
from pathlib import Path

PORTS = {
    "HTTP_PORT": 28080, "GATEWAY_PORT": 28088, "FRONTIER_PORT": 28081, "EXPORTER_PORT": 28082, "ANALYTICS_PORT": 28083,
    "FETCHER_PORT": 28090, "RENDERER_PORT": 28110, "KAFKA_CONTROLLER_PORT": 29093,
}
KAFKA_PORT, POSTGRES_PORT, REDIS_PORT = 29092, 25432, 26379
DB = "simplecrawler"
# processes under the stores JVM (or started by it), named by how their program name starts
PROGRAMS = {"postgres": "postgres", "redis": "redis"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Stack:
    def __init__(self, repo, run_dir, jfr_dir=None):
        self.repo = repo
        self.run_dir = run_dir
        self.jfr_dir = jfr_dir
        # the gateway itself: nginx's rate limits in front of it would refuse the bench's polling
        self.api = f"http://127.0.0.1:{PORTS['GATEWAY_PORT']}"

    def env(self):
        env = {k: v for k, v in os.environ.items() if k not in ("SIMPLECRAWLER_API_KEYS", "RESULTS_DIR", "NO_NGINX")}
        env.update({name: str(port) for name, port in PORTS.items()})
        env.update({
            "RUN_DIR": str(self.run_dir), "SKIP_BUILD": "1",
            "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{KAFKA_PORT}",
            "POSTGRES_URL": f"jdbc:postgresql://127.0.0.1:{POSTGRES_PORT}/{DB}",
            "POSTGRES_USER": DB, "POSTGRES_PASSWORD": DB,
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}",
            # the SSRF guard lets the fetchers reach the loopback sites only when told so
            "SIMPLECRAWLER_ALLOWED_NETWORKS": "127.0.0.0/8",
            "SIMPLECRAWLER_ALLOWED_PORTS": "1024-65535",
            # scenario (l) runs a 10,000-page job
            "SIMPLECRAWLER_MAX_PAGES_LIMIT": "100000",
        })
        if self.jfr_dir:
            # every JVM of the stack records until it stops; one file per PID in the folder
            env["JAVA_TOOL_OPTIONS"] = (env.get("JAVA_TOOL_OPTIONS", "") +
                                        f" -XX:StartFlightRecording=settings=profile,dumponexit=true,filename={self.jfr_dir}").strip()
        return env

    def run_sh(self, *args, **extra_env):
        subprocess.run([str(self.repo / "compose/local/run.sh"), *args], env={**self.env(), **extra_env}, check=True,
                       stdout=subprocess.DEVNULL if args[0] == "stop" else None)

    def start_fresh(self, fetchers):
        """Stops what an earlier bench left in the run folder, wipes it, then starts everything."""
        if (self.run_dir / "pids").exists():
            self.run_sh("stop")
        busy = [port for port in [*PORTS.values(), KAFKA_PORT, POSTGRES_PORT, REDIS_PORT] if port_in_use(port)]
        if busy:
            raise SystemExit(f"ports {busy} are taken; the bench needs them free for its own stack")
        subprocess.run(["rm", "-rf", str(self.run_dir)], check=True)
        if self.jfr_dir:
            self.jfr_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.run_sh("run", FETCHERS=str(fetchers))
        except subprocess.CalledProcessError:
            # on a loaded machine a service may miss run.sh's startup deadline; run starts only what is missing
            print("The stack did not come up in time; trying once more", flush=True)
            self.run_sh("run", FETCHERS=str(fetchers))

    def scale(self, fetchers):
        self.run_sh("scale", str(fetchers))

    def stop(self):
        self.run_sh("stop")

    def results(self, job_id):
        return self.run_dir / "results" / job_id

    def exported_at(self, job_id):
        """{url: epoch seconds} of the job's exported_pages rows."""
        env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(POSTGRES_PORT), PGUSER=DB, PGPASSWORD=DB, PGDATABASE=DB)
        query = f"SELECT url, extract(epoch FROM exported_at) FROM exported_pages WHERE job_id = '{job_id}'"
        out = subprocess.run(["psql", "-At", "-F", "\t", "-c", query], env=env, check=True, capture_output=True, text=True).stdout
        return {url: float(epoch) for url, epoch in (line.split("\t") for line in out.splitlines() if line)}

    def processes(self, extra_roots):
        """{group: [pid, ...]}: every process named in the run folder's PID files or in
        `extra_roots` ({group: pid}), with its descendants (Postgres and Redis under the stores
        JVM, nginx workers)."""
        children = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                stat = read_stat(entry.name)
                if stat:
                    children.setdefault(int(stat[1]), []).append(int(entry.name))
        groups = {}
        roots = {f.stem: int(f.read_text().split()[0]) for f in sorted((self.run_dir / "pids").glob("*.pid"))}
        # embedded Postgres runs detached from the stores JVM (pg_ctl): its postmaster is found by its data folder
        postmaster = self.run_dir / "data" / "postgres" / "postmaster.pid"
        if postmaster.exists():
            roots["postgres"] = int(postmaster.read_text().split()[0])
        for name, root in {**roots, **extra_roots}.items():
            todo = [root]
            while todo:
                pid = todo.pop()
                if read_stat(pid) is None:
                    continue
                group = name if pid == root else next((g for p, g in PROGRAMS.items() if comm(pid).startswith(p)), name)
                groups.setdefault(group, []).append(pid)
                todo.extend(children.get(pid, []))
        return groups

    def job(self, job_id):
        with urllib.request.urlopen(f"{self.api}/jobs/{job_id}", timeout=10) as response:
            return json.load(response)

    def scrape(self, url):
        """Firecrawl's POST /v2/scrape of one page: the document, once its one-page job has written it."""
        body = json.dumps({"url": url, "formats": ["markdown"]}).encode()
        http = urllib.request.Request(f"{self.api}/v2/scrape", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(http, timeout=60) as response:
            return json.load(response)["data"]

    def submit(self, request):
        body = json.dumps(request).encode()
        http = urllib.request.Request(f"{self.api}/crawl", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(http, timeout=30) as response:
            return json.load(response)["id"]


def port_in_use(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def read_stat(pid):
    """The fields of /proc/<pid>/stat after the program name (state, ppid, ...), or None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def comm(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def cpu_seconds(pid):
    """utime + stime, plus cutime + cstime: children that exited (Postgres backends) count for their parent."""
    stat = read_stat(pid)
    return 0.0 if stat is None else sum(int(v) for v in stat[11:15]) / CLOCK_TICKS


def memory_kb(pid, field):
    """VmRSS or VmHWM of a process in KiB, 0 when gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid):
    """The proportional set size in KiB (shared pages divided among the processes that map them), 0 when gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak_rss(pid):
    """Sets VmHWM back to the current RSS (Linux >= 4.0); False when not allowed."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False
