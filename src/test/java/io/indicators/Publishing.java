package io.indicators;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The request every publishing test starts from: a publisher's token and a JSON body. */
public final class Publishing {

    private Publishing() {
    }

    public static RequestSpecification asPublisher() {
        return given().header("Authorization", "Bearer " + PublisherTokens.publisher()).contentType(ContentType.JSON);
    }
}
