package io.milvusingest.milvus;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Port and liveness helpers for {@link MilvusLiteServer}. */
final class ServerProbe {

    private ServerProbe() {
    }

    /** @return a port that was free on {@code host} a moment ago (the caller may lose a race for it) */
    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    /** @return true when a TCP connection to {@code host:port} succeeds within 500 ms */
    static boolean acceptsTcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return true when a Milvus gRPC {@code GetVersion} call on {@code uri} succeeds within ~2 s */
    static boolean answersGrpc(String uri) {
        MilvusClientV2 client = null;
        try {
            client = new MilvusClientV2(ConnectConfig.builder().uri(uri).connectTimeoutMs(2_000)
                    .rpcDeadlineMs(2_000).build());
            return client.getServerVersion() != null;
        } catch (RuntimeException e) {
            return false;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * Waits until {@code host:port} answers Milvus gRPC.
     *
     * @throws IllegalStateException when the process dies first or {@code timeout} passes
     */
    static void awaitReady(Process process, String host, int port, Duration timeout, ServerLog log, long logOffset) {
        String uri = "http://" + host + ":" + port;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(log.explainDeath(process.exitValue(), logOffset));
            }
            if (acceptsTcp(host, port) && answersGrpc(uri)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("Milvus Lite did not answer on " + uri + " within " + timeout.toSeconds()
                + " s; log tail:\n" + log.tail(logOffset));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Milvus Lite", e);
        }
    }
}
