package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArchiveUrlCheckTest {

    @Test
    void anHttpsArchiveIsAccepted() {
        URI url = URI.create("https://arkiv.example.kommune.no/noark5v5/");

        assertThat(ArchiveUrlCheck.require(url, false)).isEqualTo(url);
    }

    @Test
    void plainHttpIsRefused_unlessTheLocalOnlyFlagAllowsIt() {
        URI url = URI.create("http://arkiv.example.kommune.no/noark5v5/");

        assertThatThrownBy(() -> ArchiveUrlCheck.require(url, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be https").hasMessageContaining(ArchiveUrlCheck.ALLOW_INSECURE);
        assertThat(ArchiveUrlCheck.require(url, true)).isEqualTo(url);
    }

    @Test
    void aRelativeUrlIsRefused() {
        assertThatThrownBy(() -> ArchiveUrlCheck.require(URI.create("noark5v5/"), true))
                .isInstanceOf(IllegalStateException.class);
    }
}
