/**
 * The probe decorators behind {@link dev.lobbygovernor.core.gpu.Probes}: not API. Their classes
 * are public only so that the gpu package can use them; hosts build them through {@code Probes}
 * and must not name them, as they may change or go without notice.
 *
 * <p>Here live the timeout, single-flight, cache and fallback decorators, and the translation of
 * whatever a misbehaving probe throws into the typed failure the SPI promises.
 */
package dev.lobbygovernor.core.gpu.internal;
