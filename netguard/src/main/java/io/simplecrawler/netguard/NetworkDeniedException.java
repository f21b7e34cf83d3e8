package io.simplecrawler.netguard;

import java.io.IOException;

/** A connection the {@link NetworkPolicy} refused before it was made; the message names the rule. */
public class NetworkDeniedException extends IOException {
    public NetworkDeniedException(String reason) {
        super(reason);
    }
}
