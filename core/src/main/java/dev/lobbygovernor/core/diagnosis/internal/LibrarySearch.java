package dev.lobbygovernor.core.diagnosis.internal;

import java.util.List;
import java.util.Optional;

/**
 * Where {@link NvmlLibrary#search} found {@code libnvidia-ml.so.1}, if anywhere.
 *
 * @param location the directory (as a system path) that holds it, if found
 * @param via how the loader would get there: {@code LD_LIBRARY_PATH}, {@code /etc/ld.so.cache}
 *     or a standard directory
 * @param version the library's driver version ({@code 550.54.15}), if its file name gives it
 * @param evidence what was looked at, for the finding
 */
record LibrarySearch(Optional<String> location, String via, Optional<String> version, List<String> evidence) {

    LibrarySearch {
        evidence = List.copyOf(evidence);
    }
}
