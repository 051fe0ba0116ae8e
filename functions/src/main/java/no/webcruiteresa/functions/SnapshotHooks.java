package no.webcruiteresa.functions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's runtime hooks (CRaC): Lambda calls {@link #beforeCheckpoint} once the function has started, before
 * it takes the snapshot that every later instance is restored from. What must not live in that snapshot (archive
 * secrets, OAuth2 tokens, open connections) is dropped here and fetched again on first use after a restore.
 * Registered with the global context when created; the context's bean keeps it reachable.
 */
final class SnapshotHooks implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapshotHooks.class.getName());
    private final List<Runnable> priming = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeSnapshot = new CopyOnWriteArrayList<>();

    SnapshotHooks() {
        Core.getGlobalContext().register(this);
    }

    /** Runs {@code warmUp} before each snapshot, before anything is dropped (a connection it opened goes too). */
    void primeBeforeSnapshot(Runnable warmUp) {
        priming.add(warmUp);
    }

    /** Runs {@code drop} before each snapshot. */
    void beforeSnapshot(Runnable drop) {
        beforeSnapshot.add(drop);
    }

    /** How many holders drop something before a snapshot. */
    int holders() {
        return beforeSnapshot.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (Runnable warmUp : priming) {
            try {
                warmUp.run();
            } catch (RuntimeException e) {
                // Priming only saves time; a snapshot without it is still correct.
                LOG.warning(() -> "priming failed before the snapshot: " + e.getClass().getSimpleName());
            }
        }
        beforeSnapshot.forEach(Runnable::run);
        LOG.info(() -> "before the snapshot: dropped cached credentials, tokens and connections ("
                + beforeSnapshot.size() + " holder(s))");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to restore eagerly: what was dropped is fetched on first use.
    }
}
