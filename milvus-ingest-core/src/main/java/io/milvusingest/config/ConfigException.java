package io.milvusingest.config;

/** Invalid configuration found at start-up; the message names the offending key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
