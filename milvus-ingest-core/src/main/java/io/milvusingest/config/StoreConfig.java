package io.milvusingest.config;

/**
 * Store task settings.
 *
 * @param uri    {@code file:///absolute/folder}, or "" for no store task
 * @param images store extracted images
 * @param tables store extracted tables (Markdown)
 */
public record StoreConfig(String uri, boolean images, boolean tables) {
}
