package dk.postfordeling.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dk.postfordeling.platform.privacy.PersonalData;

/**
 * Log message converter ({@code %maskedMsg}) that masks CPR numbers in every log line, including
 * those written by libraries (Kafka, Tika, the mail client) that the project does not control.
 * It is the last line of defence: the services themselves never log mail content.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskCpr(super.convert(event));
    }
}
