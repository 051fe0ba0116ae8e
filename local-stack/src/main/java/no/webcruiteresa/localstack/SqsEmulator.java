package no.webcruiteresa.localstack;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/**
 * ElasticMQ on loopback. With a storage directory, queues and messages (visible, in flight and dead-lettered) are
 * kept in an H2 file there, so a restarted or killed local stack goes on where it stopped instead of forgetting every
 * message it had accepted.
 */
final class SqsEmulator implements AutoCloseable {
    private final SQSRestServer inMemory;
    private final Function0<?> stopPersistent;

    private SqsEmulator(SQSRestServer inMemory, Function0<?> stopPersistent) {
        this.inMemory = inMemory;
        this.stopPersistent = stopPersistent;
    }

    /** @param storage null keeps every message in memory */
    static SqsEmulator start(int port, Path storage) {
        if (storage == null) {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, "")).start();
            server.waitUntilStarted();
            return new SqsEmulator(server, null);
        }
        return new SqsEmulator(null, new ElasticMQServer(new ElasticMQServerConfig(config(port, storage))).start());
    }

    private static Config config(int port, Path storage) {
        String h2 = storage.toAbsolutePath().resolve("elasticmq").toString().replace('\\', '/');
        return ConfigFactory.parseString("""
                node-address { protocol = http, host = "127.0.0.1", port = %d, context-path = "" }
                generate-node-address = false
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                aws { region = "%s", accountId = "000000000000" }
                messages-storage {
                  enabled = true
                  driver-class = "org.h2.Driver"
                  uri = "jdbc:h2:file:%s"
                  username = ""
                  password = ""
                  prune-data-on-init = false
                }
                """.formatted(port, port, Pipeline.REGION, h2)).withFallback(ConfigFactory.load());
    }

    @Override
    public void close() {
        if (inMemory != null) {
            inMemory.stopAndWait();
        } else {
            stopPersistent.apply();
        }
    }
}
