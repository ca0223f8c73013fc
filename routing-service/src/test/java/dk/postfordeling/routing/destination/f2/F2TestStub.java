package dk.postfordeling.routing.destination.f2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A WireMock F2 built from F2's documented shapes (INTEGRATIONS.md): an OAuth2 token endpoint
 * (HTTP Basic client credentials, password grant), the service index with link relations, and
 * Post-Once-Exactly for matters and documents. Every one-time URL is unique ({@code {{randomValue}}}).
 */
public final class F2TestStub {

    public static final String CASE_ID = "4711";
    static final String MEDIA = F2Adapter.MEDIA_TYPE;

    private F2TestStub() {
    }

    public static void install(WireMockServer f2, String token) {
        // Anything under F2Rest without the current token: 401, as F2 answers an expired token.
        f2.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlMatching("/F2Rest/(?!oauth2).*")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        f2.stubFor(post(urlEqualTo("/F2Rest/oauth2/token"))
                .withBasicAuth("postfordeling", "hemmelig")
                .withRequestBody(equalTo("grant_type=password&username=postfordeling").or(equalTo("username=postfordeling&grant_type=password")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        f2.stubFor(get(urlEqualTo("/F2Rest/ServiceIndex"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", MEDIA).withBody("""
                        <ServiceIndex xmlns="http://cbrain.com/casefile">
                          <link rel="http://cbrain.com/casefile/rel/create-case" href="/F2Rest/cases"/>
                          <link rel="http://cbrain.com/casefile/rel/create-matter" href="/F2Rest/cases/{caseId}/matters"/>
                          <link rel="http://cbrain.com/casefile/rel/matter-search" href="/F2Rest/matters/search"/>
                        </ServiceIndex>""")));
        // Post-Once-Exactly: an empty POST hands out a one-time URL.
        f2.stubFor(post(urlPathMatching("/F2Rest/cases/[^/]+/matters"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(201).withTransformers("response-template")
                        .withHeader("Location", "/F2Rest/poe/{{randomValue type='UUID'}}")));
        f2.stubFor(post(urlMatching("/F2Rest/poe/[^/]+"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo(MEDIA))
                .willReturn(aResponse().withStatus(201).withTransformers("response-template")
                        .withHeader("Location", "/F2Rest/matters/{{request.pathSegments.[2]}}")));
        f2.stubFor(get(urlMatching("/F2Rest/matters/[^/]+"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", MEDIA).withTransformers("response-template").withBody("""
                        <Matter xmlns="http://cbrain.com/casefile">
                          <link rel="http://cbrain.com/casefile/rel/create-document" href="/F2Rest/matters/{{request.pathSegments.[2]}}/documents"/>
                        </Matter>""")));
        f2.stubFor(post(urlMatching("/F2Rest/matters/[^/]+/documents"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(201).withTransformers("response-template")
                        .withHeader("Location", "/F2Rest/poe-doc/{{randomValue type='UUID'}}")));
        f2.stubFor(post(urlMatching("/F2Rest/poe-doc/[^/]+"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(201).withTransformers("response-template")
                        .withHeader("Location", "/F2Rest/documents/{{request.pathSegments.[2]}}")));
    }
}
