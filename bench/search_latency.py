#!/usr/bin/env python3
"""Search latency: hybrid queries against `bin/ingest serve` (one loaded model and Milvus client) versus
`bin/ingest search` (a JVM and a Milvus Lite per question), on the demo collection.

Usage: bench/search-latency.sh [SERVE_QUERIES] [CLI_QUERIES]   (defaults 200 and 10)
Needs the demo collection (bin/ingest demo). Runs the CLI leg first: the embedded Milvus Lite data folder
(./data/milvus) can be opened by one process at a time. Each serve query's time is the client's wall clock for
one HTTP request (keep-alive connection), after 10 warm-up queries; each CLI query's is the whole command's.
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTION = "milvus_ingest_demo"
QUESTIONS = [
    "How do I configure the drop folder?", "What happens to a corrupt PDF?", "hybrid search with BM25 and dense vectors",
    "Which error kinds exist?", "How is a document split into chunks?", "Milvus Lite embedded server",
    "What does the bucket sync do?", "How are tables extracted from PDFs?", "bulk import threshold",
    "Which embedding model is used?", "How many tokens per chunk?", "Where do failed files go?",
    "What is reciprocal rank fusion?", "OCR of scanned pages", "How do I run the tests?",
    "What is the primary key of a row?", "How does the group commit work?", "What are the health checks?",
    "password protected documents", "What happens when Milvus is down?",
]


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli_leg(n):
    times = []
    for i in range(n):
        q = QUESTIONS[i % len(QUESTIONS)]
        t0 = time.perf_counter()
        subprocess.run([os.path.join(ROOT, "bin/ingest"), "search", q, "--collection", COLLECTION, "--json"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def serve_leg(n):
    port = free_port()
    log = open(os.path.join(ROOT, "bench", "search-serve.log"), "w")
    proc = subprocess.Popen([os.path.join(ROOT, "bin/ingest"), "serve", "-p", "milvus.collection=" + COLLECTION,
                             "-p", "serve.port=%d" % port], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 180
        conn = None
        while time.time() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/observe/health/ready")
                if conn.getresponse().read() and True:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("serve did not start; see bench/search-serve.log")
        def query(q):
            conn.request("GET", "/api/search?" + urllib.parse.urlencode({"q": q, "mode": "hybrid", "top_k": 5}))
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                raise SystemExit("HTTP %d: %s" % (r.status, body[:300]))
            return json.loads(body)
        for i in range(10):
            query(QUESTIONS[i % len(QUESTIONS)])
        times, server = [], []
        for i in range(n):
            t0 = time.perf_counter()
            body = query(QUESTIONS[i % len(QUESTIONS)])
            times.append((time.perf_counter() - t0) * 1000)
            server.append(body["took_ms"])
        return times, server
    finally:
        proc.terminate()
        proc.wait(60)


def main():
    n_serve = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    n_cli = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    load = os.getloadavg()[0]
    cli = cli_leg(n_cli)
    serve, server = serve_leg(n_serve)
    rows = [("serve (HTTP, client wall clock)", serve), ("serve (server took_ms)", server), ("bin/ingest search", cli)]
    print("| leg | queries | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for name, v in rows:
        print("| %s | %d | %.1f | %.1f |" % (name, len(v), statistics.median(v), pct(v, 95)))
    print()
    print("ratio CLI p50 / serve p50: %.0fx; hybrid serve p50 %s the 50 ms target (load average at start %.2f%s)"
          % (statistics.median(cli) / statistics.median(serve),
             "meets" if statistics.median(serve) < 50 else "MISSES", load, ", CONTENDED" if load > 1.5 else ""))


if __name__ == "__main__":
    main()
