package dk.postfordeling.routing.table;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/** Checks of routing table targets that several {@link DestinationKind}s share. */
public final class Targets {

    private Targets() {
    }

    /** The entry's case reference, if it has the shape the system uses. */
    public static String caseReference(String where, RoutingProperties.DestinationProperties entry, Pattern shape, String expected) {
        String caseId = entry.caseId();
        if (caseId == null || caseId.isBlank()) {
            throw new InvalidRoutingTableException(where + " needs case-id: " + expected);
        }
        if (!shape.matcher(caseId.strip()).matches()) {
            throw new InvalidRoutingTableException(where + " has case-id '" + caseId + "', which is not " + expected);
        }
        return caseId.strip();
    }

    /** The entry's e-mail address, as the mail server will be given it. */
    public static String mailboxAddress(String where, RoutingProperties.DestinationProperties entry) {
        String address = entry.address();
        if (address == null || address.isBlank()) {
            throw new InvalidRoutingTableException(where + " needs an address for its function mailbox");
        }
        try {
            return new InternetAddress(address, true).getAddress();
        } catch (AddressException e) {
            throw new InvalidRoutingTableException(where + " has address '" + address + "', which is not an e-mail address");
        }
    }
}
