package io.milvusingest.camel.dropfolder;

import java.io.File;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** Exchanges as the drop folder's file consumer creates them, for the route beans' unit tests. */
final class InboxFiles {
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    private InboxFiles() {
    }

    /** @return an exchange for the inbox file at {@code relative}, as the consumer binds it (the file may not exist) */
    static Exchange consumed(Path inbox, String relative) {
        File file = inbox.resolve(relative).toFile();
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE,
                FileConsumer.asGenericFile(inbox.toString(), file, null, false));
        return exchange;
    }
}
