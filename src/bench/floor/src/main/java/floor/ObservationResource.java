package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Map;

@Path("/observations")
public class ObservationResource {

    @GET
    public Map<String, List<Observation>> observations() {
        return Map.of("observations", Observation.listAll());
    }
}
