package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.webcruiteresa.domain.InvalidDropException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static String event(String eventName, String bucket, String key) {
        return "{\"Records\":[{\"eventName\":\"" + eventName + "\",\"s3\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}";
    }

    @Test
    void shouldUrlDecodeKeysAsS3EncodesThem() {
        assertThat(Messages.createdKeys(event("ObjectCreated:Put", "drop", "240117/WC201-1/S%C3%B8knad+Kari+1.xml"), "drop"))
                .containsExactly("240117/WC201-1/Søknad Kari 1.xml");
        assertThat(Messages.createdKeys(event("ObjectCreated:CompleteMultipartUpload", "drop", "a%2Bb.xml"), "drop"))
                .containsExactly("a+b.xml");
    }

    @Test
    void shouldIgnoreTestEventsRemovalsAndOtherBuckets() {
        assertThat(Messages.createdKeys("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}", "drop")).isEmpty();
        assertThat(Messages.createdKeys(event("ObjectRemoved:Delete", "drop", "a.xml"), "drop")).isEmpty();
        assertThat(Messages.createdKeys(event("ObjectCreated:Put", "another", "a.xml"), "drop")).isEmpty();
    }

    @Test
    void shouldNameTheRuleABadBodyBreaks() {
        assertThatThrownBy(() -> Messages.createdKeys("not json", "drop")).isInstanceOf(InvalidDropException.class)
                .hasMessageStartingWith("body: a S3 event notification must be JSON");
        assertThatThrownBy(() -> Messages.postingPublished("{\"caseNumber\":\"12\"}")).isInstanceOf(InvalidDropException.class)
                .hasMessage("title: is required in the message");
    }

    @Test
    void shouldSayWhereABodyIsUnreadable_butNotQuoteIt() {
        assertThatThrownBy(() -> Messages.postingPublished("{\"caseNumber\": \"12\", \"title\": Kari Nordmann}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("line 1, column")
                .hasMessageNotContaining("Kari").hasMessageNotContaining("Nordmann");
        assertThatThrownBy(() -> Messages.createdKeys("Kari Nordmann <kari@example.org>", "drop"))
                .isInstanceOf(InvalidDropException.class).hasMessageNotContaining("Kari").hasMessageNotContaining("kari");
    }

    @Test
    void shouldReadThePostingsPositionCategory_whichTheRoutingTableMayName() {
        assertThat(Messages.postingPublished("{\"caseNumber\":\"12\",\"title\":\"Rektor\","
                + "\"organisationalUnit\":\"Byåsen skole\",\"positionCategory\":\"Leder\"}").positionCategory())
                .isEqualTo("Leder");
        assertThat(Messages.postingPublished("{\"caseNumber\":\"12\",\"title\":\"Rektor\","
                + "\"organisationalUnit\":\"Byåsen skole\"}").positionCategory()).isNull();
    }
}
