package no.webcruiteresa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Test only: a real crash at a chosen step. A pipeline process started with {@code -Dcrash.killAt=<point>} and
 * {@code -Dcrash.marker=<file>} writes the marker when it reaches the point and then waits there, holding whatever it
 * holds (locks, in-flight messages), until the test kills it with SIGKILL: no {@code finally} runs.
 */
enum KillPoints {
    /** The case exists in the archive; its creation lock is still held. */
    CASE_CREATED(false, "createCase", ""),
    /** The journalpost and its documents exist, no file is uploaded yet; the entry lock is held. */
    ENTRY_CREATED(true, "open", ""),
    /** Every file is archived and the drop's PDFs are deleted; its XML is not. */
    PDFS_REMOVED(true, "delete", ".xml");

    static final String KILL_AT = "crash.killAt";
    static final String MARKER = "crash.marker";

    private final boolean before;
    private final String method;
    private final String keySuffix;

    KillPoints(boolean before, String method, String keySuffix) {
        this.before = before;
        this.method = method;
        this.keySuffix = keySuffix;
    }

    /** Called around every step CrashInjection wraps; returns at once unless this process is to die here. */
    static void reached(boolean before, String method, Object[] args) {
        String chosen = System.getProperty(KILL_AT);
        if (chosen == null) {
            return;
        }
        KillPoints point = valueOf(chosen);
        boolean keyMatches = point.keySuffix.isEmpty() || Arrays.stream(args)
                .anyMatch(a -> a instanceof String key && key.endsWith(point.keySuffix));
        if (point.before == before && point.method.equals(method) && keyMatches) {
            try {
                Files.writeString(Path.of(System.getProperty(MARKER)), point.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            waitForTheKill();
        }
    }

    private static void waitForTheKill() {
        Object never = new Object();
        synchronized (never) {
            while (true) {
                try {
                    never.wait();
                } catch (InterruptedException e) {
                    // Even an interrupt must not let this step go on: the test is about to kill the process.
                }
            }
        }
    }
}
