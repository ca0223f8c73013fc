package dk.postfordeling.routing.table;

import dk.postfordeling.routing.destination.f2.F2Kind;
import dk.postfordeling.routing.destination.getorganized.GetOrganizedKind;
import dk.postfordeling.routing.destination.mailbox.MailboxKind;
import dk.postfordeling.routing.destination.sbsys.SbsysKind;
import java.util.List;

/** The destination kinds the service declares, for tests that build the routing table by hand. */
public final class Kinds {

    private Kinds() {
    }

    public static DestinationKinds all() {
        return new DestinationKinds(List.of(new MailboxKind(), new F2Kind(), new SbsysKind(), new GetOrganizedKind()));
    }
}
