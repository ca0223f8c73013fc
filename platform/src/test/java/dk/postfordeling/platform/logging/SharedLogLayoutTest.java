package dk.postfordeling.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared log layout every service includes masks CPR numbers, whoever logs them, and tags the mail id. */
class SharedLogLayoutTest {

    private static final String MAIL_ID = "4f1c0b7e-0000-3000-8000-000000000001";

    @Test
    void writesOneJsonObjectPerLineWithTheMailIdAndMasksCprNumbers() throws Exception {
        String output = logSomeLines("json");

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(3);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode warning = json.readTree(lines.get(0));
        assertThat(warning.get("log.level").asString()).isEqualTo("WARN");
        assertThat(warning.get("log.logger").asString()).isEqualTo("some.library.Parser");
        assertThat(warning.get("service.name").asString()).isEqualTo("test-service");
        assertThat(warning.get("mail.id").asString()).isEqualTo(MAIL_ID);
        assertThat(warning.get("message").asString()).isEqualTo("could not parse field near [CPR] and [CPR]");
        assertThat(warning.get("@timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(warning.has("error.type")).isFalse();

        JsonNode failure = json.readTree(lines.get(1));
        assertThat(failure.get("log.level").asString()).isEqualTo("ERROR");
        assertThat(failure.get("error.type").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.get("error.message").asString()).isEqualTo("bad token [CPR]");
        assertThat(failure.get("error.stack_trace").asString()).contains("bad token [CPR]", "SharedLogLayoutTest");

        JsonNode outsideAnyMail = json.readTree(lines.get(2));
        assertThat(outsideAnyMail.has("mail.id")).isFalse();
        assertThat(output).doesNotContain("070809", "1203751122", "0101011000");
    }

    @Test
    void theTextLayoutMasksCprNumbersAndTagsTheMailIdToo() throws Exception {
        String output = logSomeLines("text");

        assertThat(output).contains("mail=" + MAIL_ID + " - could not parse field near [CPR] and [CPR]")
                .contains("bad token [CPR]")
                .doesNotContain("070809", "1203751122", "0101011000");
        assertThat(output.lines().filter(line -> line.contains("outside any mail")).findFirst().orElseThrow())
                .doesNotContain("mail=");
    }

    private static String logSomeLines(String format) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        context.putProperty("SERVICE_NAME", "test-service");
        context.putProperty("POSTFORDELING_LOG_FORMAT", format);
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(new ByteArrayInputStream("""
                    <configuration>
                      <include resource="dk/postfordeling/platform/logging/postfordeling-logback.xml"/>
                    </configuration>""".getBytes(StandardCharsets.UTF_8)));
            context.start();
            Logger log = context.getLogger("some.library.Parser");
            try (MailLogContext ignored = MailLogContext.open(MAIL_ID)) {
                log.warn("could not parse field near 070809-1234 and 1203751122");
                log.error("failed", new IllegalStateException("bad token 0101011000"));
            }
            log.info("outside any mail");
        } finally {
            System.setOut(original);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
