package net.nym.tokenomics.selection.verify;

import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.persistence.ProofJson;
import net.nym.tokenomics.selection.persistence.ProofJsonV2;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Command-line verifier: reads a selection proof (the JSON of {@code GET /v1/epochs/{e}/selection-proof}, or the
 * compact stored form, e.g. the payload of a {@code selection.RewardedSetSelected} v2 taken from Kafka) from a file
 * or an http(s) URL, recomputes the seed, every candidate's saturation and weight, the draw, the layers, the shortfall
 * and the digest, and prints {@code OK ...} (exit 0) or the first difference (exit 1).
 *
 * <pre>java -cp selection-service.jar:... net.nym.tokenomics.selection.verify.VerifySelection proof.json</pre>
 */
public final class VerifySelection {

    /** The verdict as printed, and whether it is OK. */
    public record Result(boolean ok, String message) {
    }

    private VerifySelection() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VerifySelection <proof.json | http(s)://host/v1/epochs/{e}/selection-proof>");
            System.exit(1);
        }
        Result r = run(args[0]);
        (r.ok() ? System.out : System.err).println(r.message());
        System.exit(r.ok() ? 0 : 1);
    }

    public static Result run(String source) {
        String json;
        try {
            json = read(source);
        } catch (IOException | RuntimeException e) {
            return new Result(false, "UNREADABLE " + source + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "UNREADABLE " + source + ": interrupted");
        }
        return verify(json);
    }

    public static Result verify(String json) {
        SelectionProof proof;
        try {
            proof = parse(json);
        } catch (IOException | RuntimeException e) {
            return new Result(false, "INVALID proof: " + e.getMessage());
        }
        return switch (SelectionVerifier.verify(proof)) {
            case SelectionVerifier.Verdict.Verified v -> new Result(true, "OK epoch " + proof.epochId() + ": "
                    + proof.result().size() + " nodes from " + proof.candidates().size() + " candidates, digest " + v.digest().hex());
            case SelectionVerifier.Verdict.Mismatch m -> new Result(false, "MISMATCH epoch " + proof.epochId() + " at "
                    + m.field() + ": recomputed " + m.expected() + ", proof has " + m.actual());
        };
    }

    /**
     * The proof in the JSON form of the REST endpoint ({@link ProofJson}), or as stored in the log (the compact
     * {@link ProofJsonV2}, alone or inside a {@code selection.RewardedSetSelected} payload as published on Kafka).
     */
    static SelectionProof parse(String json) throws IOException {
        JsonNode tree = Json.mapper().readTree(json);
        if (tree != null && tree.has("proof") && tree.has("epoch_id")) {
            tree = tree.get("proof");
        }
        if (tree != null && tree.has("encoding")) {
            return Json.mapper().treeToValue(tree, ProofJsonV2.class).toDomain();
        }
        return Json.mapper().treeToValue(tree, ProofJson.class).toDomain();
    }

    private static String read(String source) throws IOException, InterruptedException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(source))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            }
        }
        return Files.readString(Path.of(source));
    }
}
