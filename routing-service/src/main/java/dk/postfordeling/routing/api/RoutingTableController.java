package dk.postfordeling.routing.api;

import dk.postfordeling.routing.table.InvalidRoutingTableException;
import dk.postfordeling.routing.table.RoutingTableFile;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reloads the routing table file without a restart; a bad entry is refused with a message naming it. */
@RestController
@RequestMapping("/api/v1/routing-table")
class RoutingTableController {

    private final RoutingTableFile file;

    RoutingTableController(RoutingTableFile file) {
        this.file = file;
    }

    @PostMapping("/reload")
    ResponseEntity<Map<String, Object>> reload() {
        try {
            return ResponseEntity.ok(Map.copyOf(file.reload()));
        } catch (InvalidRoutingTableException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
