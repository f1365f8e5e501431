package io.milvusingest.config;

/**
 * The HTTP service of {@code bin/ingest serve}.
 *
 * @param host the address it binds to ({@code serve.host}; default 127.0.0.1, this machine only)
 * @param port its TCP port, 1..65535 ({@code serve.port}; default 8000)
 */
public record ServeConfig(String host, int port) {
}
