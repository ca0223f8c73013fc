package dk.postfordeling.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shared log layout every service includes masks CPR numbers, whoever logs them. */
class SharedLogLayoutTest {

    @Test
    void masksCprNumbersInMessagesAndStackTracesAndTagsTheMailId() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        try (MailLogContext ignored = MailLogContext.open("4f1c0b7e-0000-3000-8000-000000000001")) {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(new ByteArrayInputStream("""
                    <configuration>
                      <include resource="dk/postfordeling/platform/logging/postfordeling-logback.xml"/>
                    </configuration>""".getBytes(StandardCharsets.UTF_8)));
            Logger log = context.getLogger("some.library.Parser");
            context.start();
            log.warn("could not parse field near 070809-1234 and 1203751122");
            log.error("failed", new IllegalStateException("bad token 0101011000"));
        } finally {
            System.setOut(original);
            context.stop();
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("mail=4f1c0b7e-0000-3000-8000-000000000001")
                .contains("could not parse field near [CPR] and [CPR]")
                .contains("bad token [CPR]")
                .doesNotContain("070809", "1203751122", "0101011000");
    }
}
