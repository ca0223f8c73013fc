package dk.postfordeling.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import dk.postfordeling.platform.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.boot.json.JsonWriter;

/**
 * Writes each log event as one line of JSON with Elastic Common Schema field names, so a log
 * platform (Elastic, Loki, Splunk…) can search them without parsing rules:
 * {@code @timestamp}, {@code log.level}, {@code log.logger}, {@code process.thread.name},
 * {@code service.name}, {@code mail.id}, {@code message} and, for failures, {@code error.type},
 * {@code error.message} and {@code error.stack_trace}.
 *
 * <p>{@code mail.id} comes from {@link MailLogContext}: every line about one mail, in every
 * service, carries the same id. The services never log mail content; as a last line of defence,
 * CPR numbers are masked in messages and stack traces, whoever wrote them (libraries too).
 */
public class MailJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];

    private String serviceName = "postfordeling";
    private JsonWriter<ILoggingEvent> writer;

    /** The service named in every line (logback configuration: {@code <serviceName>}). */
    public void setServiceName(String serviceName) {
        if (serviceName != null && !serviceName.isBlank()) {
            this.serviceName = serviceName;
        }
    }

    @Override
    public void start() {
        String service = serviceName;
        writer = JsonWriter.<ILoggingEvent>of(members -> {
            members.add("@timestamp", event -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
            members.add("log.level", event -> event.getLevel().toString());
            members.add("log.logger", ILoggingEvent::getLoggerName);
            members.add("process.thread.name", ILoggingEvent::getThreadName);
            members.add("service.name", event -> service);
            members.add("mail.id", event -> event.getMDCPropertyMap().get(MailLogContext.MAIL_ID)).whenHasLength();
            members.add("message", event -> PersonalData.maskCpr(event.getFormattedMessage()));
            members.from(ILoggingEvent::getThrowableProxy).whenNotNull().usingMembers(error -> {
                error.add("error.type", IThrowableProxy::getClassName);
                error.add("error.message", failure -> PersonalData.maskCpr(failure.getMessage())).whenNotNull();
                error.add("error.stack_trace", failure -> PersonalData.maskCpr(ThrowableProxyUtil.asString(failure)));
            });
            members.add("ecs.version", "8.11");
        }).withNewLineAtEnd();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return writer.writeToString(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
