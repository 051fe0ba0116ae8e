package no.webcruiteresa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256CheckingInputStreamTest {
    private static final byte[] CONTENT = "%PDF-1.7 the declared content".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPassTheFileThrough_whenItMatchesItsDeclaration() throws Exception {
        assertThat(readAll(checking(CONTENT, sha256(CONTENT), CONTENT.length))).isEqualTo(CONTENT);
    }

    @Test
    void shouldWithholdTheLastBytes_whenTheContentDiffers() throws Exception {
        byte[] other = "%PDF-1.7 the swapped content!".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream received = new ByteArrayOutputStream();

        assertThatThrownBy(() -> copy(checking(other, sha256(CONTENT), other.length), received))
                .isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
        assertThat(received.size()).as("the receiver never gets the whole file").isLessThan(other.length);
    }

    @Test
    void shouldFail_whenTheFileIsShorterOrLongerThanDeclared() {
        assertThatThrownBy(() -> readAll(checking(CONTENT, sha256(CONTENT), CONTENT.length + 1)))
                .hasMessageContaining("ended after");
        byte[] longer = (new String(CONTENT, StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(checking(longer, sha256(CONTENT), CONTENT.length)))
                .hasMessageContaining("longer than");
    }

    private static InputStream checking(byte[] content, String sha256, long size) {
        return new Sha256CheckingInputStream(new ByteArrayInputStream(content), sha256, size, "soknad.pdf");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out);
        return out.toByteArray();
    }

    /** Small reads, as an HTTP client's body publisher makes them. */
    private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] buffer = new byte[7];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
