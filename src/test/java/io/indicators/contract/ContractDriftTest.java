package io.indicators.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract is the product: the service serves it unchanged, and the operations it lists are exactly
 * the operations the code implements. Response shapes are checked by the contract validation filter.
 */
@QuarkusTest
class ContractDriftTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void servesTheCommittedContractUnchanged() throws IOException {
        JsonNode served = YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        assertEquals(contract().path("paths"), served.path("paths"));
        assertEquals(contract().path("components"), served.path("components"));
        assertEquals(contract().path("info").path("version"), served.path("info").path("version"));
    }

    @Test
    // A walk over the compiled resource classes: the same in either mode, so the native run would only repeat it.
    @DisabledOnIntegrationTest("reads this JVM's classes, not the binary's")
    void everyImplementedOperationIsInTheContractAndViceVersa() throws Exception {
        Set<String> documented = new TreeSet<>();
        contract().path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> Set.of("get", "post", "put", "patch", "delete", "head").contains(op.getKey()))
                .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + path.getKey())));
        assertEquals(documented, implementedOperations(), "operations implemented vs documented");
    }

    private static JsonNode contract() throws IOException {
        try (InputStream in = ContractDriftTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return YAML.readTree(in);
        }
    }

    private static Set<String> implementedOperations() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(ContractDriftTest.class.getResource("/META-INF/openapi.yaml").toURI())
                .getParent().getParent();
        Set<String> operations = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ContractDriftTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                        operations.add(verb + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
                    }
                }
            }
        }
        return operations;
    }

    private static String verb(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : java.util.List.of(GET.class, POST.class, PUT.class,
                DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getAnnotation(HttpMethod.class).value();
            }
        }
        return null;
    }
}
