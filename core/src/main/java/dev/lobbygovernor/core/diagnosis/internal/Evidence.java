package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.SystemView;
import java.nio.file.Path;

/** Evidence text from files that may hold garbage: printable, one line, bounded. */
final class Evidence {

    private static final int MAX = 160;

    private Evidence() {
    }

    /** {@code text} with control characters as '?' and cut at {@value #MAX} characters, in quotes. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX) + 3).append('\'');
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX) {
            b.append('…');
        }
        return b.append('\'').toString();
    }

    /** A path under the view's root as the system path it stands for: {@code /proc/self/cgroup}. */
    static String systemPath(SystemView view, Path path) {
        Path relative = view.root().relativize(path.normalize());
        return "/" + relative.toString().replace('\\', '/');
    }
}
