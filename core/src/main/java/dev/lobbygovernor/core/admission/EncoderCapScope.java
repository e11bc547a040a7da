package dev.lobbygovernor.core.admission;

/**
 * Which NVENC sessions an encoder session cap ({@link HostLimits#encoderSessionCap()}) counts.
 *
 * <p>GeForce drivers cap concurrent NVENC sessions per system, across every card in it; data
 * centre and most professional cards are limited only by their resources, per card. The
 * governor counts the host's client streams (Wolf encodes once per connected client) in either
 * scope, since Wolf renders all of a host's lobbies on the one render node it is given; the
 * scope decides which sessions the GPU probe reports count beside them: every GPU's together
 * ({@link #PER_HOST}), or the busiest GPU's ({@link #PER_GPU}).
 */
public enum EncoderCapScope {
    /** The cap holds for the whole host: sessions on every GPU count together (GeForce). */
    PER_HOST,
    /** The cap holds for each GPU on its own: only the busiest GPU's sessions count. */
    PER_GPU
}
