package no.webcruiteresa.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import no.webcruiteresa.application.RemoveArchivedDrop;
import no.webcruiteresa.application.port.ArchivedNotice;
import tools.jackson.databind.JsonNode;

/** removeXmlAttachment without Spring: the cold-start baseline. */
public final class PlainRemoveXmlAttachmentHandler implements RequestStreamHandler {
    private final PlainFunctions functions = new PlainFunctions();
    private final RemoveArchivedDrop useCase = new RemoveArchivedDrop(functions.reader, functions.store,
            functions.archive, functions.registration, functions.locks);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String response = functions.batch(PlainFunctions.JSON.readTree(input), record -> {
            JsonNode notice = PlainFunctions.JSON.readTree(record.path("body").asString());
            useCase.remove(new ArchivedNotice(notice.path("xmlKey").asString(), notice.path("documentId").asString(),
                    notice.path("entryId").asString("")));
        });
        output.write(response.getBytes(StandardCharsets.UTF_8));
    }
}
