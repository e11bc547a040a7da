package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport's configuration: named defaults, setters that refuse bad values at once. */
class TransportSettingsTest {

    @Test
    void defaultsAreTheNamedConstants() {
        TransportSettings d = TransportSettings.defaults();

        assertThat(d.connectTimeout()).isEqualTo(TransportSettings.DEFAULT_CONNECT_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(d.requestTimeout()).isEqualTo(TransportSettings.DEFAULT_REQUEST_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(d.readTimeout()).isEqualTo(TransportSettings.DEFAULT_READ_TIMEOUT);
        assertThat(d.listingTimeout()).isEqualTo(TransportSettings.DEFAULT_LISTING_TIMEOUT);
        assertThat(d.maxResponseBytes()).isEqualTo(TransportSettings.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(TransportSettings.builder().build()).isEqualTo(d);
    }

    @Test
    void requestTimeoutLeavesRoomForWolfsTwentySecondLobbySetup() {
        assertThat(TransportSettings.DEFAULT_REQUEST_TIMEOUT).isGreaterThan(Duration.ofSeconds(20));
    }

    @Test
    void listingsGetAShortDeadlineAndCreateALongOne() {
        TransportSettings d = TransportSettings.defaults();

        assertThat(d.effectiveListingTimeout()).isEqualTo(Duration.ofSeconds(5))
                .isLessThan(d.requestTimeout());
    }

    @Test
    void aReadNeverGetsALongerDeadlineThanTheRequestTimeout() {
        TransportSettings s = TransportSettings.builder().requestTimeout(Duration.ofMillis(200))
                .build();

        assertThat(s.listingTimeout()).isEqualTo(TransportSettings.DEFAULT_LISTING_TIMEOUT);
        assertThat(s.effectiveListingTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TransportSettings s = TransportSettings.builder().connectTimeout(Duration.ofMillis(300))
                .requestTimeout(Duration.ofSeconds(5)).listingTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(40)).maxResponseBytes(4096).build();

        assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(s.toBuilder().requestTimeout(Duration.ofSeconds(6)).build()).isNotEqualTo(s);
        assertThat(s.toBuilder().listingTimeout(Duration.ofSeconds(3)).build()).isNotEqualTo(s);
        assertThat(s).hasToString("TransportSettings[connectTimeout=PT0.3S, requestTimeout=PT5S,"
                + " listingTimeout=PT2S, readTimeout=PT40S, maxResponseBytes=4096]");
    }

    @Test
    void settersRefuseNonPositiveTimeoutsNamingTheSetting() {
        TransportSettings.Builder b = TransportSettings.builder();

        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> b.listingTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listingTimeout");
        assertThatThrownBy(() -> b.readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> b.requestTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("requestTimeout");
    }

    @Test
    void capBelowOneKibibyteIsRefused() {
        assertThatThrownBy(() -> TransportSettings.builder().maxResponseBytes(1023))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes must be at least 1024");
        assertThat(TransportSettings.builder().maxResponseBytes(1024).build().maxResponseBytes())
                .isEqualTo(TransportSettings.MIN_RESPONSE_BYTES);
    }
}
