package dev.lobbygovernor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A permit's API is its own: the ledger slot it extends contributes nothing a host can call. */
class PermitApiTest {

    private static boolean visibleToHosts(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    @Test
    void inheritsNoPublicMethodFromAnInternalPackage() {
        assertThat(Permit.class.getMethods())
                .noneMatch(m -> m.getDeclaringClass().getPackageName().contains(".internal"));
        assertThat(Permit.class.getFields()).isEmpty();
        assertThat(Permit.class.getClasses()).containsExactly(Permit.State.class);
    }

    @Test
    void itsInternalSuperclassHasNoMemberASubclassElsewhereCouldUse() {
        List<String> visible = new ArrayList<>();
        for (Class<?> c = Permit.class.getSuperclass(); c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods()).filter(PermitApiTest::visibleToHosts).forEach(m -> visible.add(m.toString()));
            Arrays.stream(c.getDeclaredFields()).filter(PermitApiTest::visibleToHosts).forEach(f -> visible.add(f.toString()));
            Arrays.stream(c.getDeclaredClasses()).filter(k -> Modifier.isPublic(k.getModifiers())
                    || Modifier.isProtected(k.getModifiers())).forEach(k -> visible.add(k.getName()));
        }
        assertThat(visible).isEmpty();
    }
}
