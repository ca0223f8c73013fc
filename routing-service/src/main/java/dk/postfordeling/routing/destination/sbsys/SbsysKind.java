package dk.postfordeling.routing.destination.sbsys;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.CaseKind;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in SBSYS: {@code type: SBSYS, case-id: 27.00.00-G01-1-24} (KLE number, facet, serial, year). */
@Component
public final class SbsysKind extends CaseKind {

    public SbsysKind() {
        super(DestinationType.SBSYS, "sbsys", Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}"),
                "an SBSYS case number such as 27.00.00-G01-1-24");
    }
}
