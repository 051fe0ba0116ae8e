package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every server the local stack starts (S3Mock with both its connectors, ElasticMQ, the archive simulator) listens on
 * loopback only: read from the kernel's table of this JVM's listening sockets, so a server bound to all interfaces
 * fails the test whatever it reports about itself. Linux only (/proc).
 */
class LoopbackBindingTest {
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");

    @Test
    void everyServerOfTheLocalStackListensOnLoopbackOnly() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && Files.exists(Path.of("/proc/net/tcp")),
                "needs Linux /proc");
        EmbeddedStack.Options options = EmbeddedStack.Options.forTests();
        try (EmbeddedStack stack = EmbeddedStack.start(options)) {
            List<String[]> listening = listeningSocketsOfThisProcess();
            List<Integer> ports = listening.stream().map(s -> Integer.parseInt(s[1], 16)).toList();

            assertThat(ports).as("the stack's servers are among this JVM's listening sockets")
                    .contains(options.s3Port(), options.sqsPort(), options.archivePort());
            assertThat(listening).as("listening sockets (address, port) not on loopback")
                    .allSatisfy(socket -> assertThat(LOOPBACK).as("port " + Integer.parseInt(socket[1], 16)
                            + " bound to " + socket[0]).contains(socket[0]));
        } finally {
            Pipeline.systemProperties().forEach(System::clearProperty);
        }
    }

    /** (hex local address, hex port) of every TCP socket in LISTEN state this process holds. */
    private static List<String[]> listeningSocketsOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException ignored) {
                    // closed meanwhile
                }
            }
        }
        List<String[]> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                // local_address is address:port; st 0A is LISTEN; column 9 is the inode.
                if (columns.length > 9 && columns[3].equals("0A") && inodes.contains(columns[9])) {
                    listening.add(columns[1].split(":"));
                }
            }
        }
        return listening;
    }
}
