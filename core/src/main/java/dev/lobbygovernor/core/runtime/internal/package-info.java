/**
 * The stop-verify-remove sequence that cleanup and the governor's last resort share: not API.
 * Its classes are public only so that those concerns can use them; hosts must not, and they may
 * change or go without notice.
 *
 * <p>This is the one internal package that other concerns of core may use, so that a lobby is
 * stopped one way everywhere: with its stored credentials, verified gone by a fresh listing, its
 * record removed only then, and every runtime message scrubbed of the PINs sent.
 */
package dev.lobbygovernor.core.runtime.internal;
