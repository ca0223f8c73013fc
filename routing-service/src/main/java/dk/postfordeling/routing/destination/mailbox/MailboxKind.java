package dk.postfordeling.routing.destination.mailbox;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.DestinationKind;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.Targets;
import org.springframework.stereotype.Component;

/** A function mailbox (funktionspostkasse): {@code type: FUNCTION_MAILBOX, address: …} in the routing table. */
@Component
public final class MailboxKind implements DestinationKind {

    @Override
    public DestinationType type() {
        return DestinationType.FUNCTION_MAILBOX;
    }

    @Override
    public String instanceName() {
        return "mailbox";
    }

    @Override
    public String target(String where, RoutingProperties.DestinationProperties entry) {
        return Targets.mailboxAddress(where, entry);
    }
}
