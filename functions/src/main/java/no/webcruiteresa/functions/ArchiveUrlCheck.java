package no.webcruiteresa.functions;

import java.net.URI;

/**
 * The archive receives personal data and the archive credentials: only over https. Plain http is for local
 * stacks and tests only, which say so with {@code webcruiter-esa.archive.allow-insecure-url=true}.
 */
final class ArchiveUrlCheck {
    static final String ALLOW_INSECURE = "webcruiter-esa.archive.allow-insecure-url";

    private ArchiveUrlCheck() {
    }

    static URI require(URI url, boolean allowInsecure) {
        if (url == null || url.getScheme() == null) {
            throw new IllegalStateException("webcruiter-esa.archive.url is not set to an absolute URL");
        }
        if (!url.getScheme().equalsIgnoreCase("https") && !allowInsecure) {
            throw new IllegalStateException("webcruiter-esa.archive.url must be https, was " + url.getScheme()
                    + "://" + url.getHost() + ": plain http only on a local stack, with " + ALLOW_INSECURE + "=true");
        }
        return url;
    }
}
