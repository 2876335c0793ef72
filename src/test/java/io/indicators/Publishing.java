package io.indicators;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The request every publishing test starts from: a publisher's token and a JSON body. */
public final class Publishing {

    private Publishing() {
    }

    public static RequestSpecification asPublisher() {
        return given().header("Authorization", "Bearer " + PublisherTokens.publisher()).contentType(ContentType.JSON);
    }
}
