package no.webcruiteresa.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import no.webcruiteresa.adapter.sqs.SqsArchivedNotices;
import no.webcruiteresa.application.ArchiveDocument;
import no.webcruiteresa.domain.RegistrationRules;

/** archiveDocument without Spring: the cold-start baseline. */
public final class PlainArchiveDocumentHandler implements RequestStreamHandler {
    private final PlainFunctions functions = new PlainFunctions();
    private final ArchiveDocument useCase = new ArchiveDocument(functions.reader, functions.store,
            functions.ensureCase, functions.archive, new RegistrationRules(functions.registration),
            new SqsArchivedNotices(functions.sqs, PlainFunctions.env("WEBCRUITERESA_QUEUES_ARCHIVEDURL", ""),
                    PlainFunctions.JSON), functions.quarantine,
            new ArchiveDocument.Waiting(java.time.Duration.ofHours(24), functions.clock, functions.locks,
                    functions.staleLockAfter),
            // No metrics: outside Lambda the product's go to a DEBUG log that is off, so neither side pays for them.
            no.webcruiteresa.application.port.Metrics.none());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String response = functions.batch(PlainFunctions.JSON.readTree(input), record -> functions
                .createdKeys(record.path("body").asString())
                .forEach(key -> useCase.archive(key, PlainFunctions.deliveries(record))));
        output.write(response.getBytes(StandardCharsets.UTF_8));
    }
}
