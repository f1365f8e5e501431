#!/usr/bin/env python3
"""Reads the files bench/throughput.sh leaves in its work folder and prints the comparison (Markdown).

usage: summarize.py WORK PDFS SIZE HEAP
"""
import datetime
import glob
import json
import os
import platform
import re
import sys

work, pdfs, size, heap = sys.argv[1:5]


def read(name, default=""):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def props(name):
    out = {}
    for line in read(name).splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def gnu_time(name):
    text = read(name)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    seconds = None
    if wall:
        parts = [float(p) for p in wall.group(1).split(":")]
        seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return (int(rss.group(1)) if rss else None), seconds


def rss(name):
    parts = read(name, "0 0").split()
    return int(parts[0]), int(parts[1])


def log_time_ms(line, launch_ms):
    """slf4j-simple lines start with HH:mm:ss.SSS (local time): to epoch ms, on the launch's day."""
    m = re.match(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)", line)
    if not m:
        return None
    day = datetime.datetime.fromtimestamp(launch_ms / 1000).date()
    t = datetime.datetime.combine(day, datetime.time(int(m[1]), int(m[2]), int(m[3]), int(m[4]) * 1000))
    ms = int(t.timestamp() * 1000)
    return ms + 86_400_000 if ms < launch_ms - 60_000 else ms  # run crossed midnight


model = props("model.out")
lc = props("langchain4j.out")

# --- ours: summary line, run report, log timestamps ----------------------------------------------------
ours = {}
summary = None
for line in read("ours.log").splitlines():
    m = re.search(r"files: (\d+) ok, (\d+) failed.*?\| pages (\d+) \| chunks (\d+) \|(?: tokens (\d+) \|)? rows (\d+)"
                  r" \| ([\d.]+) s \|.*stage ms: extract (\d+), split (\d+), embed (\d+), upload (\d+)", line)
    if m:
        summary = line.strip()
        keys = ["files_ok", "files_failed", "pages", "chunks", "own_tokens", "rows", "seconds",
                "extract_ms", "split_ms", "embed_ms", "upload_ms"]
        ours.update(zip(keys, m.groups()))
    m = re.search(r"start-up: first chunk embedded (\d+) ms after launch", line)
    if m:
        ours["startup_ms"] = m.group(1)
reports = sorted(glob.glob(os.path.join(work, "ours-report", "files-*.jsonl")))
first_doc = None
report_ms = {"extract": 0, "split": 0, "embed": 0, "upload": 0}
if reports:
    with open(reports[-1], encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            if entry.get("status") == "ingested":
                first_doc = first_doc or entry
                for k in report_ms:
                    report_ms[k] += entry["ms"].get(k, 0)
launch_ms = int(read("ours.launch_ms", "0").strip() or 0)
ready_ms = collection_ms = None
ready_line = None
for line in read("ours.err").splitlines():
    if "ready in" in line and ready_ms is None:
        ready_ms = log_time_ms(line, launch_ms)
        ready_line = line.strip()
    if re.search(r"collection \S+: ", line) and collection_ms is None:
        collection_ms = log_time_ms(line, launch_ms)
ours_startup = int(ours["startup_ms"]) if "startup_ms" in ours else None  # measured by the product itself
if ours_startup is None and first_doc and (collection_ms or ready_ms):
    t = (collection_ms or ready_ms) - launch_ms
    ms = first_doc["ms"]
    ours_startup = t + ms["extract"] + ms["split"] + ms["embed"] / max(1, first_doc["chunks"])

lc_startup = None
lc_launch = int(read("langchain4j.launch_ms", "0").strip() or 0)
if lc.get("ready_epoch_ms") and lc.get("first_chunks"):
    lc_startup = (int(lc["ready_epoch_ms"]) - lc_launch + int(lc["first_extract_ms"]) + int(lc["first_split_ms"])
                  + int(lc["first_embed_ms"]) / max(1, int(lc["first_chunks"])))

# Same chunks: ours tokenizes exactly what the pure-model leg tokenized, if the chunk counts agree.
same_chunks = ours.get("chunks") == model.get("chunks")
if ours.get("own_tokens"):  # the product counts its own tokens (same tokenizer)
    ours["tokens"] = ours["own_tokens"]
elif ours and model.get("tokens"):
    ours["tokens"] = model["tokens"] if same_chunks else str(
        round(int(model["tokens"]) * int(ours["chunks"]) / max(1, int(model["chunks"]))))


def f(x):
    return float(x) if x not in (None, "") else None


def rate(leg, key):
    n, s = f(leg.get(key)), f(leg.get("seconds"))
    return n / s if n is not None and s else None


def fmt(x, digits=1):
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}" if isinstance(x, int) else str(x)


legs = {"pure model": model, "ours": ours, "LangChain4j": lc}
time_files = {"pure model": "model", "ours": "ours", "LangChain4j": "langchain4j"}
loads = {name: read(f"{time_files[name]}.load").strip() for name in legs}

print(f"## Throughput benchmark: {size} corpus, {heap}")
print()
with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
    cpu = next((l.split(":", 1)[1].strip() for l in cpuinfo if l.startswith("model name")), "?")
print(f"- machine: {platform.node()}, {os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}")
print(f"- corpus: `{pdfs}`; load average (1/5/15 min) at each leg's start: "
      + "; ".join(f"{k} {v}" for k, v in loads.items()))
contended = any(float(v.split()[0]) > 1.5 for v in loads.values() if v)
if contended:
    print("- **CONTENDED**: the 1-minute load was above 1.5 when a leg started; figures are not representative")
print(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
print()
print("| | pure model | ours | LangChain4j |")
print("|---|---:|---:|---:|")


def row(label, values):
    print(f"| {label} | " + " | ".join(values) + " |")


row("files", [fmt(leg.get("files_ok")) for leg in legs.values()])
row("pages", [fmt(leg.get("pages")) for leg in legs.values()])
row("chunks", [fmt(leg.get("chunks")) for leg in legs.values()])
row("tokens (bge tokenizer, no [CLS]/[SEP])", [fmt(leg.get("tokens")) for leg in legs.values()])
row("rows", [fmt(leg.get("rows")) for leg in legs.values()])
row("run time, s (after start-up)", [fmt(f(leg.get("seconds"))) for leg in legs.values()])
for key in ("pages", "chunks", "tokens", "rows"):
    row(f"**{key}/s**", [fmt(rate(leg, key)) for leg in legs.values()])
for stage in ("extract", "split", "embed", "upload"):
    values = [fmt(int(model["embed_ms"])) if stage == "embed" and model.get("embed_ms") else "-",
              fmt(int(ours[f"{stage}_ms"])) if ours.get(f"{stage}_ms") else "n/a",
              fmt(int(lc[f"{stage}_ms"])) if lc.get(f"{stage}_ms") else "n/a"]
    row(f"{stage}, ms (sum over documents)", values)
row("start-up to first chunk embedded, ms", ["-", fmt(ours_startup, 0), fmt(lc_startup, 0)])
peaks = {}
for name, base in time_files.items():
    jvm, other = rss(f"{base}.rss")
    time_rss, wall = gnu_time(f"{base}.time")
    peaks[name] = (jvm, other, time_rss, wall)
row("peak RSS of the JVM, MB (VmHWM)", [fmt(p[0] / 1024, 0) if p[0] else "n/a" for p in peaks.values()])
row("peak RSS, MB (/usr/bin/time -v)", [fmt(p[2] / 1024, 0) if p[2] else "n/a" for p in peaks.values()])
lite_lc = rss("lite-langchain4j.rss")[1]
row("peak RSS of Milvus Lite, MB", ["-", fmt(peaks["ours"][1] / 1024, 0) if peaks["ours"][1] else "n/a",
                                    fmt(lite_lc / 1024, 0) if lite_lc else "n/a"])
row("wall time of the process, s", [fmt(p[3]) for p in peaks.values()])
print()

r_pure = rate(ours, "chunks") / rate(model, "chunks") if rate(ours, "chunks") and rate(model, "chunks") else None
r_lc_pages = rate(ours, "pages") / rate(lc, "pages") if rate(ours, "pages") and rate(lc, "pages") else None
r_lc_tokens = rate(ours, "tokens") / rate(lc, "tokens") if rate(ours, "tokens") and rate(lc, "tokens") else None
print(f"- **ours / pure model = {fmt(r_pure, 2)}** (chunks/s on the same chunks; target >= 0.9)"
      + ("" if same_chunks or not model.get("chunks") or not ours.get("chunks") else f" -- WARNING: chunk counts differ (ours {ours.get('chunks')}, model {model.get('chunks')})"))
print(f"- **ours / LangChain4j = {fmt(r_lc_pages, 2)}** (pages/s on the same PDFs; target >= 1.5);"
      f" on tokens/s: {fmt(r_lc_tokens, 2)}")
print(f"- peak RSS of our JVM: {fmt(peaks['ours'][0] / 1024, 0)} MB (target < 1,536 MB on the medium corpus with -Xmx1g)")
if model.get("best_threads"):
    print(f"- pure model's best layout: {model['best_threads']} ONNX intra-op thread(s) x {model['best_callers']}"
          f" concurrent caller(s), batch {model['best_batch']}"
          + ("" if model.get("best_spinning", "true") == "true" else ", intra-op spinning off")
          + f"; sweep on a sample (TxCxB:chunks/s): {model.get('sweep', '')}")
    if model.get("check_min_cosine"):
        print(f"- pure-model leg does the product's work: cosine of its vectors (batch 1) to BgeSmallEmbedder's >="
              f" {model['check_min_cosine']} on the first chunks")
    print(f"- pure-model leg, for reference (single-threaded, outside its figure): extract {model.get('ref_extract_ms')} ms,"
          f" split {model.get('ref_split_ms')} ms, tokenize {model.get('ref_tokenize_ms')} ms")
if summary:
    print(f"- ours, summary line: `{summary}`")
if "startup_ms" in ours:
    print(f"- ours, start-up: printed by bin/ingest files ('first chunk embedded N ms after launch', from the JVM's"
          f" start); model and Milvus Lite ready: `{ready_line}`")
elif ready_line:
    print(f"- ours, start-up log: `{ready_line}`; start-up above = launch of bin/ingest -> 'collection' log line,"
          " + first file's extract + split + its embed ms / its chunks (approximated: no start-up line printed)")
