package io.simplecrawler.fetcher.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
    private static final byte[] PAGE = "<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void passesAPlainBodyThrough() throws IOException {
        DecodedBody body = BodyDecoder.decode(new RawBody(PAGE, false), null, 1000);
        assertArrayEquals(PAGE, body.bytes());
        assertFalse(body.truncated());
    }

    @Test
    void gunzips() throws IOException {
        DecodedBody body = BodyDecoder.decode(new RawBody(gzip(PAGE), false), "gzip", 1000);
        assertArrayEquals(PAGE, body.bytes());
        assertFalse(body.truncated());
    }

    @Test
    void limitsTheDecompressedSizeNotTheCompressedOne() throws IOException {
        byte[] bomb = gzip(new byte[5_000_000]);
        assertTrue(bomb.length < 10_000, "5 MB of zeros compress to " + bomb.length + " bytes");

        DecodedBody body = BodyDecoder.decode(new RawBody(bomb, false), "gzip", 100_000);

        assertEquals(100_000, body.bytes().length);
        assertTrue(body.truncated());
    }

    @Test
    void keepsWhatDecompressesFromACompressedBodyThatWasCutOff() throws IOException {
        byte[] compressed = gzip("x".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);

        DecodedBody body = BodyDecoder.decode(new RawBody(cut, true), "gzip", 1_000_000);

        assertTrue(body.truncated());
        assertTrue(body.bytes().length > 0);
    }

    @Test
    void refusesAnEncodingItDoesNotKnow() {
        assertThrows(IOException.class, () -> BodyDecoder.decode(new RawBody(PAGE, false), "br", 1000));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }
}
