package dk.postfordeling.routing.destination.f2;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.CaseKind;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in cBrain F2: {@code type: F2, case-id: …}; F2 case ids are opaque, so any id without spaces. */
@Component
public final class F2Kind extends CaseKind {

    public F2Kind() {
        super(DestinationType.F2, "f2", Pattern.compile("[\\w.:/-]+"),
                "an F2 case id");
    }
}
