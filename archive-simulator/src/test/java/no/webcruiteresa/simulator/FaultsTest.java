package no.webcruiteresa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final List<String> REQUESTS = requests();

    @Test
    void shouldGiveEachRequestTheSameFate_forTheSameSeed_inAnyOrder() {
        Map<String, Optional<Faults.Action>> inOrder = fates(42, REQUESTS);
        List<String> shuffled = new ArrayList<>(REQUESTS);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(fates(42, shuffled)).isEqualTo(inOrder);
        assertThat(fates(43, REQUESTS)).isNotEqualTo(inOrder);
    }

    @Test
    void shouldCountEveryRequest_andInjectAboutTheRate() {
        Faults faults = new Faults();
        faults.randomly(42, 0.2, Duration.ZERO, Duration.ZERO);
        REQUESTS.forEach(faults::randomAction);

        long injected = faults.injected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(faults.requests()).isEqualTo(REQUESTS.size());
        assertThat((double) injected / REQUESTS.size()).isBetween(0.17, 0.23);
    }

    private static Map<String, Optional<Faults.Action>> fates(long seed, List<String> requests) {
        Faults faults = new Faults();
        faults.randomly(seed, 0.2, Duration.ZERO, Duration.ZERO);
        Map<String, Optional<Faults.Action>> fates = new TreeMap<>();
        requests.forEach(request -> fates.put(request, faults.randomAction(request)));
        return fates;
    }

    private static List<String> requests() {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            requests.add("GET /noark5v5/api/sakarkiv/journalpost?%24filter=beskrivelse+eq+%27WEBCRUITER+WC201-" + i + "%27\n");
        }
        return requests;
    }
}
