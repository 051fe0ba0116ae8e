package no.webcruiteresa.application.port;

import java.time.Duration;

/** {@link Metrics#none()}: for wiring without metrics. */
enum NoMetrics implements Metrics {
    INSTANCE;

    @Override
    public void documentArchived(long bytes, Duration latency) {
    }

    @Override
    public void quarantined(String rule) {
    }

    @Override
    public void batchHandled(int messages, int failed, int retries) {
    }

    @Override
    public void postponeFailed() {
    }

    @Override
    public void retentionSwept(long deleted, long held, long errors) {
    }

    @Override
    public void redriven(int dropsReleased, int messagesMoved) {
    }

    @Override
    public void publish(String function) {
    }
}
