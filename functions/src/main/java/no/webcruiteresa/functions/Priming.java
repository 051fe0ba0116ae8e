package no.webcruiteresa.functions;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * SnapStart priming: before the snapshot, the function runs once on an empty SQS batch, so that what its first real
 * invocation would load and initialise (Spring Cloud Function's message conversion, Jackson's readers and writers for
 * the event and the answer, the batch handling) is already in the snapshot every instance starts from. An empty batch
 * reads no object, sends no message and calls no archive, so no connection or credential enters the snapshot.
 * Functions not fed by SQS (the scheduled ones, redrive) are not primed: any event would make them work.
 */
final class Priming {
    private static final Logger LOG = Logger.getLogger(Priming.class.getName());
    private static final byte[] EMPTY_BATCH = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);

    private final FunctionCatalog catalog;
    private final String definition;

    Priming(FunctionCatalog catalog, String definition) {
        this.catalog = catalog;
        this.definition = definition;
    }

    /** @return whether the function ran on the empty batch */
    boolean prime() {
        if (definition == null || definition.isBlank()) {
            return false;
        }
        FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
        if (function == null || !SqsEvent.class.equals(function.getRawInputType())) {
            LOG.fine(() -> definition + " is not fed by SQS: not primed");
            return false;
        }
        function.apply(MessageBuilder.withPayload(EMPTY_BATCH)
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json").build());
        LOG.info(() -> "primed " + definition + " with an empty batch before the snapshot");
        return true;
    }
}
