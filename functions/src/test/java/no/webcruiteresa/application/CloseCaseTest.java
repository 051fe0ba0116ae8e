package no.webcruiteresa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.RecordingMetrics;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.PostingClosed;
import org.junit.jupiter.api.Test;

/** The close rule without I/O: the archive over HTTP and S3 are in the end-to-end test (CaseLifecycleEndToEndTest). */
class CloseCaseTest {
    private static final PostingClosed CLOSED = new PostingClosed("240117", Instant.parse("2027-02-01T11:00:00Z"));

    private final Cases archive = new Cases();
    private final Objects store = new Objects();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final CloseCase closeCase = new CloseCase(archive, store,
            new CloseCase.Settings("A", "WEBCRUITER", "quarantine/"), metrics);

    @Test
    void shouldFinishTheCase_whenNoDocumentOfItsPostingWaits() {
        archive.add("WEBCRUITER 240117", "B");
        store.put("240118/WC201-240118-1/WC201-240118-1.xml"); // another posting's drop

        assertThat(closeCase.close(CLOSED)).isEqualTo(CloseCase.Outcome.FINISHED);

        assertThat(archive.statuses).containsEntry("WEBCRUITER 240117", "A");
        metrics.publish("closeCase");
        assertThat(metrics.published().getFirst().counts()).containsEntry("CasesClosed", 1L);
    }

    @Test
    void shouldWait_whileADropOfThePostingIsStillInTheDropArea() {
        archive.add("WEBCRUITER 240117", "B");
        store.put("240117/WC201-240117-1/WC201-240117-1.xml");
        store.put("240117/WC201-240117-1/soknad.pdf");
        store.put("240117/WC203-240117-2/vedlegg.pdf"); // a PDF without its XML is not a document yet

        assertThatThrownBy(() -> closeCase.close(CLOSED)).isInstanceOf(CaseNotFinishedException.class)
                .hasMessageContaining("1 document(s) not yet archived, 0 in quarantine")
                .satisfies(e -> assertThat(((CaseNotFinishedException) e).waiting()).isEqualTo(1));

        assertThat(archive.statuses).containsEntry("WEBCRUITER 240117", "B");
        metrics.publish("closeCase");
        assertThat(metrics.published().getFirst().counts()).containsEntry("CaseClosesWaiting", 1L)
                .doesNotContainKey("CasesClosed");
    }

    @Test
    void shouldWait_whileADropOfThePostingIsInQuarantine() {
        archive.add("WEBCRUITER 240117", "B");
        store.put("quarantine/240117/WC201-240117-1/WC201-240117-1.xml");
        store.put("quarantine/240117/WC201-240117-1/WC201-240117-1.xml.report.json");

        assertThatThrownBy(() -> closeCase.close(CLOSED)).isInstanceOf(CaseNotFinishedException.class)
                .hasMessageContaining("0 document(s) not yet archived, 1 in quarantine");
        assertThat(archive.statuses).containsEntry("WEBCRUITER 240117", "B");
    }

    @Test
    void shouldNotTouchACaseAlreadyFinished() {
        archive.add("WEBCRUITER 240117", "A");

        assertThat(closeCase.close(CLOSED)).isEqualTo(CloseCase.Outcome.ALREADY_FINISHED);
        assertThat(archive.writes).isZero();
    }

    @Test
    void shouldFinishNothing_whenThePostingNeverGotACaseAndNothingWaits() {
        assertThat(closeCase.close(CLOSED)).isEqualTo(CloseCase.Outcome.NO_CASE);
    }

    @Test
    void shouldWaitForTheCase_whenItsFirstDocumentIsStillOnItsWay() {
        store.put("240117/WC101-240117-1/WC101-240117-1.xml");

        assertThatThrownBy(() -> closeCase.close(CLOSED)).isInstanceOf(CaseNotFinishedException.class);
    }

    private static final class Cases implements CaseArchive {
        final Map<String, String> statuses = new LinkedHashMap<>();
        int writes;

        void add(String reference, String status) {
            statuses.put(reference, status);
        }

        @Override
        public Optional<ArchivedCase> findCase(String reference) {
            return statuses.containsKey(reference)
                    ? Optional.of(new ArchivedCase("sys-" + reference, "2026/1", reference)) : Optional.empty();
        }

        @Override
        public ArchivedCase createCase(CaseRegistration registration) {
            throw new UnsupportedOperationException("closing never creates a case");
        }

        @Override
        public boolean setCaseStatus(ArchivedCase archivedCase, String status) {
            if (status.equals(statuses.get(archivedCase.reference()))) {
                return false;
            }
            writes++;
            statuses.put(archivedCase.reference(), status);
            return true;
        }
    }

    /** Only list() is used by the rule. */
    private static final class Objects implements DropStore {
        private final TreeMap<String, StoredObject> objects = new TreeMap<>();

        void put(String key) {
            objects.put(key, new StoredObject(key, 1, Instant.EPOCH));
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return new ArrayList<>(objects.subMap(prefix, prefix + Character.MAX_VALUE).values());
        }

        @Override
        public Optional<byte[]> read(String key, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> size(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredObject> describe(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] readPrefix(String key, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copy(String fromKey, String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(String key, byte[] content, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(String key, byte[] content, String contentType, Instant firstArrival) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
