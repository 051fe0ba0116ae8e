package no.webcruiteresa.functions;

import java.util.List;

/** Lambda's partial batch response: only the listed messages return to the queue (ReportBatchItemFailures). */
public record SqsBatchResponse(List<BatchItemFailure> batchItemFailures) {
    public SqsBatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    public record BatchItemFailure(String itemIdentifier) {
    }
}
