package no.webcruiteresa.application.port;

/** Tells the next step that a drop is archived and its sources may be removed. */
public interface ArchivedNotices {
    void publish(ArchivedNotice notice);
}
