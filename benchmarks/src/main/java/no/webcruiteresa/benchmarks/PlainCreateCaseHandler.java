package no.webcruiteresa.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** createCase without Spring: the cold-start baseline. */
public final class PlainCreateCaseHandler implements RequestStreamHandler {
    private final PlainFunctions functions = new PlainFunctions();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String response = functions.batch(PlainFunctions.JSON.readTree(input),
                record -> functions.ensureCase.ensure(PlainFunctions.posting(record.path("body").asString())));
        output.write(response.getBytes(StandardCharsets.UTF_8));
    }
}
