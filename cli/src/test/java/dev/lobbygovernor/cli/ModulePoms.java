package dev.lobbygovernor.cli;

import dev.lobbygovernor.testing.RepoPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The reactor's modules and their dependencies, read from the poms in the repository. */
final class ModulePoms {

    static final String GROUP = "dev.lobbygovernor";
    static final String ARTIFACT_PREFIX = "lobby-governor-";

    private ModulePoms() {
    }

    /** The modules the parent pom lists, as folder names. */
    static List<String> modules() throws Exception {
        return texts(children(read(RepoPaths.repoRoot().resolve("pom.xml")), "modules"), "module");
    }

    /**
     * The artifact ids of this project's artifacts that {@code module}'s pom depends on, in any
     * scope (dependency management is not a dependency).
     */
    static List<String> projectDependencies(String module) throws Exception {
        Element dependencies = children(read(RepoPaths.repoRoot().resolve(module).resolve("pom.xml")),
                "dependencies");
        List<String> ids = new ArrayList<>();
        if (dependencies == null) {
            return ids;
        }
        for (Node n = dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element d && d.getTagName().equals("dependency")
                    && GROUP.equals(text(d, "groupId"))) {
                ids.add(text(d, "artifactId"));
            }
        }
        return ids;
    }

    /** The folders {@code mvn -pl module -am} builds: the module and each project module it needs. */
    static Set<String> withProjectDependencies(String module) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        collect(module, seen);
        return seen;
    }

    private static void collect(String module, Set<String> seen) throws Exception {
        if (!seen.add(module)) {
            return;
        }
        for (String artifactId : projectDependencies(module)) {
            collect(artifactId.substring(ARTIFACT_PREFIX.length()), seen);
        }
    }

    private static Element read(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    /** The direct child of {@code parent} named {@code tag}, or null. */
    private static Element children(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = children(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }
}
