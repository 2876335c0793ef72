package io.indicators.claim;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.indicators.claim.ClaimViews.ClaimCheck;
import io.indicators.claim.ClaimViews.ClaimRequest;

/**
 * Checks a number as written in a sentence against the catalogue. GET for links and browsers (and the answer cache);
 * POST for sentences too long or too awkward for a URL. Both are reads: nothing is written, no token is needed.
 */
@Path("/v1/claims/check")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private final ClaimService claims;

    ClaimResource(ClaimService claims) {
        this.claims = claims;
    }

    @GET
    public ClaimCheck check(@QueryParam("text") String text, @QueryParam("indicator") String indicator,
            @QueryParam("geo") String geo, @QueryParam("period") String period, @QueryParam("asOf") String asOf) {
        return check(new ClaimRequest(text, indicator, geo, period, asOf));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimCheck check(ClaimRequest request) {
        return claims.check(request);
    }
}
