"""MinIO + Milvus 2.3.5 standalone in a private network namespace, forwarded to the host's loopback.

Run through bin/bulk-test-servers. Steps: bind two listening sockets on the host's 127.0.0.1 (free ports),
unshare(CLONE_NEWNET) (those sockets stay in the host namespace), bring up the new namespace's loopback,
start MinIO on 127.0.0.1:9000 and Milvus (storage = that MinIO) inside it, then relay each accepted host
connection to the server inside. Stops everything when stdin closes or on SIGTERM.
"""
import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

ACCESS, SECRET = "minioadmin", "minioadmin-secret"
BUCKET, ROOT = "milvus-bucket", "files"
MINIO_PORT, MILVUS_PORT = 9000, 19530
CLONE_NEWNET = 0x40000000


def log(msg):
    print(f"[bulk-test-servers] {msg}", file=sys.stderr, flush=True)


def listen():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s


def pump(src, dst):
    try:
        while True:
            data = src.recv(1 << 16)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s, how in ((dst, socket.SHUT_WR), (src, socket.SHUT_RD)):
            try:
                s.shutdown(how)
            except OSError:
                pass


def relay(listener, port):
    while True:
        client, _ = listener.accept()
        try:  # created by a thread of the namespaced process: connects inside the namespace
            upstream = socket.create_connection(("127.0.0.1", port))
        except OSError as e:
            log(f"relay to {port}: {e}")
            client.close()
            continue
        for s in (client, upstream):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()


def wait_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"not ready after {seconds}s: {url}")


def main(minio_bin, workdir):
    os.makedirs(workdir, exist_ok=True)
    milvus_l, minio_l = listen(), listen()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        raise SystemExit(f"unshare(CLONE_NEWNET) failed: {os.strerror(ctypes.get_errno())} (needs root)")
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)

    env = dict(os.environ, MINIO_ROOT_USER=ACCESS, MINIO_ROOT_PASSWORD=SECRET, MINIO_BROWSER="off",
               MINIO_UPDATE="off", CI="true")
    minio_log = open(os.path.join(workdir, "minio.log"), "w")
    minio = subprocess.Popen([minio_bin, "server", "--quiet", "--address", f"127.0.0.1:{MINIO_PORT}",
                              "--console-address", "127.0.0.1:9001", os.path.join(workdir, "minio-data")],
                             env=env, stdout=minio_log, stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{MINIO_PORT}/minio/health/ready", 60)
    from minio import Minio
    Minio(f"127.0.0.1:{MINIO_PORT}", ACCESS, SECRET, secure=False).make_bucket(BUCKET)

    from milvus import MilvusServer, MilvusServerConfig
    cfg = MilvusServerConfig()
    server = MilvusServer(cfg)
    server.set_base_dir(os.path.join(workdir, "milvus"))
    cfg.set("proxy_port", MILVUS_PORT)
    for k, v in {"common.storageType": "minio", "minio.address": "127.0.0.1", "minio.port": MINIO_PORT,
                 "minio.accessKeyID": ACCESS, "minio.secretAccessKey": SECRET, "minio.bucketName": BUCKET,
                 "minio.rootPath": ROOT, "minio.useSSL": "false"}.items():
        cfg.set(k, v)

    stopping = threading.Event()

    def stop(*_):
        if stopping.is_set():
            return
        stopping.set()
        try:
            server.stop()
        finally:
            minio.terminate()
            try:
                minio.wait(10)
            except subprocess.TimeoutExpired:
                minio.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.start()
    for listener, port in ((milvus_l, MILVUS_PORT), (minio_l, MINIO_PORT)):
        threading.Thread(target=relay, args=(listener, port), daemon=True).start()
    print(f"READY milvus=127.0.0.1:{milvus_l.getsockname()[1]} minio=127.0.0.1:{minio_l.getsockname()[1]} "
          f"bucket={BUCKET} root={ROOT} access={ACCESS} secret={SECRET}", flush=True)
    sys.stdin.read()  # until the parent closes our stdin or dies
    stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
