package no.webcruiteresa.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a file through while hashing it, and withholds the file's last bytes when its content is not what
 * the drop declared. An upload fed from it fails before its final byte, so the archive never receives a
 * complete file that differs from the declared one (a check at end-of-stream would come too late: by then
 * the server may have the whole body).
 */
final class Sha256CheckingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final String expectedSha256;
    private final long expectedSize;
    /** How the file is named in messages (LogText.file: never its name). */
    private final String label;
    private long delivered;

    Sha256CheckingInputStream(InputStream in, String expectedSha256, long expectedSize, String label) {
        super(in);
        this.expectedSha256 = expectedSha256;
        this.expectedSize = expectedSize;
        this.label = label;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (delivered >= expectedSize) {
            if (super.read() >= 0) {
                throw new DeclaredContentMismatch(label + " is longer than the declared " + expectedSize + " bytes");
            }
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, expectedSize - delivered));
        if (n < 0) {
            throw new DeclaredContentMismatch(label + " ended after " + delivered + " of " + expectedSize + " bytes");
        }
        digest.update(buffer, offset, n);
        if (delivered + n == expectedSize) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256)) {
                throw new DeclaredContentMismatch(label + " has SHA-256 " + actual
                        + " but the drop declares " + expectedSha256);
            }
        }
        delivered += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a checked file is read whole");
    }

    /** The file is not what the drop declared: the drop's fault, not the archive's. */
    static final class DeclaredContentMismatch extends IOException {
        DeclaredContentMismatch(String message) {
            super(message);
        }
    }
}
