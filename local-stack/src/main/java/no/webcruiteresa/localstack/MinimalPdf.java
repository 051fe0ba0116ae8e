package no.webcruiteresa.localstack;

import no.webcruiteresa.simulator.SamplePdf;

/** Sample documents for the demo and tests: small, valid one-page PDFs. */
public final class MinimalPdf {
    private MinimalPdf() {
    }

    public static byte[] withText(String text) {
        return SamplePdf.withText(text);
    }
}
