package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local launcher's console shows the product's JSON log lines as short readable lines. */
class ServiceLogLineTest {

    @Test
    void showsTheProductsOwnLinesWithTheMailId() {
        assertThat(ServiceLogLine.readable("{\"@timestamp\":\"2026-11-23T10:00:00Z\",\"log.level\":\"INFO\","
                + "\"log.logger\":\"dk.postfordeling.routing.dispatch.RoutingDispatcher\",\"service.name\":\"routing-service\","
                + "\"mail.id\":\"0b6f\",\"message\":\"mail filed in MAILBOX parkering\"}"))
                .isEqualTo("INFO  RoutingDispatcher mail=0b6f - mail filed in MAILBOX parkering");
        assertThat(ServiceLogLine.readable("{\"log.level\":\"WARN\",\"log.logger\":\"dk.postfordeling.intake.channel.imap.ImapChannel\","
                + "\"message\":\"IMAP poll of x failed\"}"))
                .isEqualTo("WARN  ImapChannel - IMAP poll of x failed");
    }

    @Test
    void leavesOutLibrariesDebugAndWhatIsNotALogEvent() {
        assertThat(ServiceLogLine.readable("{\"log.level\":\"INFO\",\"log.logger\":\"org.apache.kafka.clients.Metadata\",\"message\":\"x\"}"))
                .isNull();
        assertThat(ServiceLogLine.readable("{\"log.level\":\"DEBUG\",\"log.logger\":\"dk.postfordeling.x.Y\",\"message\":\"x\"}")).isNull();
        assertThat(ServiceLogLine.readable("WARNING: A restricted method in java.lang.System has been called")).isNull();
        assertThat(ServiceLogLine.readable("{not json")).isNull();
    }
}
