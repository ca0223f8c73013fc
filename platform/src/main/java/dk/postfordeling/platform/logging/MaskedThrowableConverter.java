package dk.postfordeling.platform.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dk.postfordeling.platform.privacy.PersonalData;

/**
 * Stack-trace converter ({@code %maskedEx}) that masks CPR numbers in exception messages, which
 * parsers and mail clients sometimes fill with fragments of the input.
 */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskCpr(super.convert(event));
    }
}
