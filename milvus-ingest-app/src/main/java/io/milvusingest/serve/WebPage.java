package io.milvusingest.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * One file of the web page, read once from the jar ({@code /web/*}) and served as is: no build step, no files from
 * the disk. The page's own Content-Security-Policy allows only this server's scripts, styles and frames.
 */
public final class WebPage implements Processor {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-ancestors 'none'";
    private final byte[] content;
    private final String contentType;

    /** @param resource e.g. {@code index.html}, under {@code /web/} in the jar */
    public WebPage(String resource, String contentType) {
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /web/" + resource);
            }
            this.content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.contentType = contentType;
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        m.removeHeaders("*", Exchange.HTTP_METHOD);
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setHeader("Content-Security-Policy", CSP);
        m.setHeader("X-Content-Type-Options", "nosniff");
        m.setBody(content);
    }
}
