package dev.agentctl.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Whether the model provider answers at all: one GET of its models list with a short time limit. Any HTTP
 * answer counts, even 401 (credentials are the other check's business); no answer means every run would
 * sit retrying until provider_retry_limit.
 */
final class ProviderCheck implements Check {
    static final String NAME = "model provider";
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        if (!ctx.live()) return List.of(); // --no-live: nothing goes over the network
        ModelProvider provider = ModelProvider.of(ctx.env());
        String url = provider.baseUrl();
        if (url == null || url.isBlank()) {
            return List.of(CheckResult.warn(NAME, "model provider '" + provider.name() + "' has no base_url in "
                    + provider.configFile() + "; not checked", "set base_url in [model_providers." + provider.name() + "]"));
        }
        URI models;
        try {
            models = URI.create(url.replaceAll("/+$", "") + "/models");
        } catch (IllegalArgumentException e) {
            return List.of(CheckResult.fail(NAME, "base_url '" + url + "' is not a URL", "fix base_url in " + provider.configFile()));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIME_LIMIT).build();
        HttpRequest request = HttpRequest.newBuilder(models).timeout(TIME_LIMIT).GET().build();
        try {
            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
            return List.of(CheckResult.ok(NAME, "'" + provider.name() + "' at " + url + " answers (HTTP " + r.statusCode() + ")"));
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(CheckResult.fail(NAME, "'" + provider.name() + "' at " + url + " does not answer within "
                    + TIME_LIMIT.toSeconds() + " s: " + why,
                    "check the network (proxy variables are passed to codex as they are) and base_url in " + provider.configFile()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(CheckResult.fail(NAME, "interrupted", "run doctor again"));
        } catch (IllegalArgumentException e) {
            return List.of(CheckResult.fail(NAME, "base_url '" + url + "' is not an http(s) URL", "fix base_url in " + provider.configFile()));
        }
    }
}
