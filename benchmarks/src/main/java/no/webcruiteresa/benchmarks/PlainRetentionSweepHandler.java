package no.webcruiteresa.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Period;
import java.util.List;
import no.webcruiteresa.adapter.drop.S3RetentionStore;
import no.webcruiteresa.adapter.drop.S3SweepJournal;
import no.webcruiteresa.application.SweepRetention;
import no.webcruiteresa.domain.RetentionLayout;
import no.webcruiteresa.domain.RetentionPolicy;
import tools.jackson.databind.JsonNode;

/** retentionSweep without Spring: the cold-start baseline. */
public final class PlainRetentionSweepHandler implements RequestStreamHandler {
    private final PlainFunctions functions = new PlainFunctions();
    private final SweepRetention sweep = new SweepRetention(new S3RetentionStore(functions.s3, functions.bucket, 16),
            new S3SweepJournal(functions.s3, functions.bucket, "retention/"),
            new SweepRetention.Settings(new RetentionPolicy(Period.ofMonths(12)),
                    new RetentionLayout("quarantine/", List.of("locks/", "retention/")), 1000), functions.clock);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = PlainFunctions.JSON.readTree(input);
        boolean dryRun = event.path("detail").path("dryRun").asBoolean(false);
        PlainFunctions.JSON.writeValue(output, sweep.sweep(dryRun,
                () -> context != null && context.getRemainingTimeInMillis() < 30_000));
    }
}
