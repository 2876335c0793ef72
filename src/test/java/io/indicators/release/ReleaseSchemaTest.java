package io.indicators.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.common.problem.ProblemError;
import io.indicators.release.ReleaseSchema.Part;

/** The contract's schemas, as the service checks releases with them. */
class ReleaseSchemaTest {

    private static final ReleaseSchema SCHEMA = new ReleaseSchema();

    static {
        SCHEMA.load();
    }
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String VALUE = """
            {"indicator": "ai-workforce-shortfall", "geo": "KR", "period": "2023",
             "periodBasis": {"basis": "stated"}, "value": 8579, "status": "observed",
             "citations": [{"document": "doc-1", "quote": "부족 인력은 8579명"}]}""";

    private static List<ProblemError> check(Part part, String json) throws Exception {
        JsonNode tree = JSON.readTree(json);
        return SCHEMA.check(part, tree, "/observations/7");
    }

    private static List<String> pointers(List<ProblemError> errors) {
        return errors.stream().map(ProblemError::pointer).toList();
    }

    @Test
    void aValueAsTheContractDescribesItPasses() throws Exception {
        assertThat(check(Part.OBSERVATION, VALUE), empty());
    }

    @Test
    void nullableFieldsMayBeNullAndOthersMayNot() throws Exception {
        assertThat(check(Part.OBSERVATION, VALUE.replace("\"value\": 8579", "\"value\": null, \"note\": null")), empty());
        assertThat(pointers(check(Part.OBSERVATION, VALUE.replace("\"status\": \"observed\"", "\"status\": null"))),
                contains("/observations/7/status"));
    }

    @Test
    void eachRefusalPointsAtTheValueItRefuses() throws Exception {
        String broken = VALUE.replace("\"geo\": \"KR\"", "\"geo\": \"korea\"")
                .replace("\"status\": \"observed\"", "\"status\": \"guessed\"")
                .replace("\"document\": \"doc-1\"", "\"document\": \"Doc 1\"");
        assertThat(pointers(check(Part.OBSERVATION, broken)), contains("/observations/7/geo",
                "/observations/7/status", "/observations/7/citations/0/document"));
    }

    @Test
    void aValueNeedsACitationAndNothingTheContractDoesNotName() throws Exception {
        List<ProblemError> errors = check(Part.OBSERVATION,
                VALUE.replaceAll("\"citations\": \\[.*]", "\"citations\": [], \"source\": \"x\""));
        assertThat(pointers(errors), contains("/observations/7/citations", "/observations/7/source"));
    }

    @Test
    void theReadmesExampleReleaseHasTheContractsShape() throws Exception {
        JsonNode example = JSON.readTree(Path.of("src/docs/examples/release.json").toFile());
        assertThat(SCHEMA.check(Part.RELEASE, example, ""), empty());
    }

    @Test
    void decimalsAreNumbersAndTextIsNot() throws Exception {
        assertThat(check(Part.OBSERVATION, VALUE.replace("\"value\": 8579", "\"value\": 0.1")), empty());
        assertThat(pointers(check(Part.OBSERVATION, VALUE.replace("\"value\": 8579", "\"value\": \"8579\""))),
                contains("/observations/7/value"));
    }
}
