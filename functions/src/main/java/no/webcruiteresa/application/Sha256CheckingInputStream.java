package no.webcruiteresa.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a file through while hashing it, and fails at the end of the stream when the content is not what
 * the drop declared. An upload fed from it is aborted before its last byte, so the archive never completes
 * a file that differs from the declared one.
 */
final class Sha256CheckingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final String expected;
    private final String name;
    private boolean checked;

    Sha256CheckingInputStream(InputStream in, String expectedSha256, String name) {
        super(in);
        this.expected = expectedSha256;
        this.name = name;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new IOException("file " + name + " has SHA-256 " + actual + " but the drop declares " + expected);
        }
    }
}
