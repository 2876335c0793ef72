package io.indicators.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 17: an MCP client that is not the server's own code (the Java MCP SDK, Streamable HTTP) lists the tools and
 * calls each; the answers carry what an agent needs to cite: the quote, the document's hash and the release.
 */
@QuarkusTest
public class McpToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + RestAssured.port)
                .endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void theToolsAreListedWithTheirArguments() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        Set<String> names = tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        assertEquals(Set.of("search_indicators", "get_observations", "get_value_history", "check_claim", "cite"), names);
        McpSchema.Tool observations = tools.stream().filter(tool -> tool.name().equals("get_observations")).findFirst()
                .orElseThrow();
        assertTrue(observations.inputSchema().properties().containsKey("asOf"), observations.toString());
        assertTrue(observations.inputSchema().properties().containsKey("publishedBy"), observations.toString());
        assertEquals(List.of("indicator"), observations.inputSchema().required());
        assertTrue(tools.stream().allMatch(tool -> tool.annotations() != null && tool.annotations().readOnlyHint()),
                "every tool only reads");
    }

    @Test
    void anAgentSearchesReadsAndCitesTheShortfall() throws Exception {
        JsonNode found = call("search_indicators", Map.of("query", "shortfall"));
        List<String> ids = new ArrayList<>();
        found.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertTrue(ids.contains("ai-workforce-shortfall"), found.toString());

        JsonNode observations = call("get_observations", Map.of("indicator", "ai-workforce-shortfall", "geo", "KR"));
        List<Integer> values = new ArrayList<>();
        observations.path("observations").forEach(value -> values.add(value.path("value").asInt()));
        assertTrue(values.containsAll(List.of(1609, 8579)), values.toString());
        JsonNode latest = observations.path("observations").get(values.indexOf(8579));
        JsonNode citation = latest.path("citations").get(0);
        assertEquals("부족 인력은 8579명으로 집계됐다", citation.path("quote").asText());
        assertTrue(citation.path("document").path("sha256").asText().matches("[0-9a-f]{64}"), citation.toString());
        assertFalse(latest.path("release").asText().isEmpty());

        JsonNode history = call("get_value_history", Map.of("indicator", "ai-workforce-shortfall", "geo", "KR",
                "period", "2023"));
        assertTrue(history.path("versions").size() >= 1, history.toString());

        String document = citation.path("document").path("id").asText();
        CallToolResult bibtex = client.callTool(new McpSchema.CallToolRequest("cite",
                Map.of("id", document, "format", "bibtex")));
        String reference = text(bibtex);
        assertFalse(Boolean.TRUE.equals(bibtex.isError()), reference);
        assertTrue(reference.startsWith("@") && reference.contains(citation.path("document").path("sha256").asText()),
                reference);
        CallToolResult survey = client.callTool(new McpSchema.CallToolRequest("cite",
                Map.of("id", citation.path("publication").path("id").asText(), "format", "ris")));
        assertTrue(text(survey).startsWith("TY  - RPRT"), text(survey));
    }

    @Test
    void anAgentChecksAClaim() throws Exception {
        JsonNode check = call("check_claim", Map.of("text", "부족 인력은 8579명으로 집계됐다"));
        JsonNode verdict = check.path("verdicts").get(0);
        assertEquals("exact", verdict.path("verdict").asText(), check.toString());
        assertEquals("ai-workforce-shortfall", verdict.path("indicator").path("id").asText());
        assertEquals("spri-2023-ai-industry-survey",
                verdict.path("value").path("citations").get(0).path("publication").path("id").asText());
    }

    @Test
    void aQuestionTheApiWouldRefuseIsAToolErrorInItsWords() {
        CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("get_observations",
                Map.of("indicator", "no-such-indicator")));
        assertTrue(unknown.isError(), unknown.toString());
        assertTrue(text(unknown).contains("No indicator 'no-such-indicator'"), text(unknown));
        CallToolResult future = client.callTool(new McpSchema.CallToolRequest("check_claim",
                Map.of("text", "8579", "asOf", "2999-01-01T00:00:00Z")));
        assertTrue(future.isError() && text(future).contains("future"), text(future));
        CallToolResult format = client.callTool(new McpSchema.CallToolRequest("cite",
                Map.of("id", "x", "format", "docx")));
        assertTrue(format.isError() && text(format).contains("bibtex"), text(format));
    }

    private JsonNode call(String tool, Map<String, Object> arguments) throws Exception {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + ": " + text(result));
        return JSON.readTree(text(result));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }
}
