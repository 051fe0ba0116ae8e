package no.webcruiteresa.localstack;

import java.net.URI;

/**
 * Test only: the functions and their event sources in a process of their own, against S3, SQS and the archive
 * running elsewhere, so that a test can kill them with SIGKILL and start them again.
 *
 * <p>Arguments: S3 endpoint, SQS endpoint, archive root, bucket.
 */
public final class PipelineProcess {
    static final String STARTED = "pipeline process started";

    private PipelineProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Pipeline.start(new Pipeline.Settings(URI.create(args[0]), URI.create(args[1]), args[3], URI.create(args[2]),
                EmbeddedStack.Options.forTests().timeScale(), false, true, null, 1));
        System.out.println(STARTED);
        Thread.currentThread().join();
    }
}
