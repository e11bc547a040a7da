package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Render nodes are tied to NVIDIA cards through the kernel's files under a fake root: by PCI
 * address, compared as numbers, never by index order.
 */
class RenderNodesTest {

    @TempDir
    Path root;

    private static final String UUID_41 = "GPU-41414141-0000-4000-8000-000000000041";
    private static final String UUID_0A = "GPU-0a0a0a0a-0000-4000-8000-00000000000a";

    /** A PCI device in sysfs and a render node whose {@code device} link leads to it. */
    private void renderNode(String node, String sysfsAddress) throws IOException {
        Path device = Files.createDirectories(root.resolve("sys/devices/pci0000:00/" + sysfsAddress));
        Path drm = Files.createDirectories(root.resolve("sys/class/drm/" + node));
        Files.createSymbolicLink(drm.resolve("device"), drm.relativize(device));
    }

    /** The NVIDIA driver's entry for a card, as {@code /proc/driver/nvidia/gpus/<addr>/information}. */
    private void nvidiaCard(String procAddress, String uuid) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/driver/nvidia/gpus/" + procAddress));
        Files.writeString(dir.resolve("information"), "Model: \t\t NVIDIA RTX 2000 Ada Generation\n"
                + "IRQ:   \t\t 150\nGPU UUID: \t " + uuid + "\nVideo BIOS: \t 95.07.2b.00.02\nBus Type: \t PCIe\n"
                + "DMA Size: \t 52 bits\nBus Location: \t " + procAddress + "\nDevice Minor: \t 1\n");
    }

    @Test
    void tiesEachRenderNodeToTheCardAtItsPciAddressWhateverTheOrderOfEither() throws IOException {
        // renderD128 is the card at bus 0x41, renderD129 the one at bus 0x0a: NVML's index order
        // (by bus) is the reverse of the render nodes'
        renderNode("renderD128", "0000:41:00.0");
        renderNode("renderD129", "0000:0a:00.0");
        renderNode("card0", "0000:41:00.0"); // a primary node: not a render node
        nvidiaCard("0000:0a:00.0", UUID_0A);
        nvidiaCard("0000:41:00.0", UUID_41);

        assertThat(RenderNodes.discover(root)).containsExactly(
                new RenderNode("/dev/dri/renderD128", UUID_41),
                new RenderNode("/dev/dri/renderD129", UUID_0A));
    }

    @Test
    void comparesAddressesAsNumbersNotText() throws IOException {
        renderNode("renderD128", "0000:0a:00.0");
        nvidiaCard("00000000:0A:00.0", UUID_0A); // NVML's width and case

        assertThat(RenderNodes.discover(root)).containsExactly(new RenderNode("/dev/dri/renderD128", UUID_0A));
    }

    @Test
    void leavesOutRenderNodesOfCardsTheNvidiaDriverDoesNotKnow() throws IOException {
        renderNode("renderD128", "0000:00:02.0"); // an integrated GPU of another vendor
        renderNode("renderD129", "0000:41:00.0");
        nvidiaCard("0000:41:00.0", UUID_41);

        assertThat(RenderNodes.discover(root)).containsExactly(new RenderNode("/dev/dri/renderD129", UUID_41));
    }

    @Test
    void ordersRenderNodesByNumberNotByName() throws IOException {
        renderNode("renderD130", "0000:0a:00.0");
        renderNode("renderD1280", "0000:41:00.0");
        nvidiaCard("0000:0a:00.0", UUID_0A);
        nvidiaCard("0000:41:00.0", UUID_41);

        assertThat(RenderNodes.discover(root)).extracting(RenderNode::path)
                .containsExactly("/dev/dri/renderD130", "/dev/dri/renderD1280");
    }

    @Test
    void findsNoneWithoutTheDrmClassOrTheDriverOrAUuidLine() throws IOException {
        assertThat(RenderNodes.discover(root)).isEmpty();

        renderNode("renderD128", "0000:41:00.0");
        assertThat(RenderNodes.discover(root)).as("no NVIDIA driver loaded").isEmpty();

        Path dir = Files.createDirectories(root.resolve("proc/driver/nvidia/gpus/0000:41:00.0"));
        Files.writeString(dir.resolve("information"), "Model: \t\t NVIDIA RTX 2000 Ada Generation\nGPU UUID: \t \n");
        assertThat(RenderNodes.discover(root)).as("an entry without a UUID").isEmpty();
    }

    @Test
    void aRenderNodeWithoutADeviceBehindItIsLeftOut() throws IOException {
        Files.createDirectories(root.resolve("sys/class/drm/renderD128")); // no device link
        renderNode("renderD129", "0000:41:00.0");
        nvidiaCard("0000:41:00.0", UUID_41);

        assertThat(RenderNodes.discover(root)).containsExactly(new RenderNode("/dev/dri/renderD129", UUID_41));
    }

    @Test
    void aRenderNodeNeedsAPathAndAUuid() {
        assertThatThrownBy(() -> new RenderNode(" ", UUID_41)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("render node");
        assertThatThrownBy(() -> new RenderNode("/dev/dri/renderD128", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GPU UUID");
        assertThat(List.of(new RenderNode(" /dev/dri/renderD128 ", UUID_41).path())).containsExactly(
                "/dev/dri/renderD128");
    }

    @Test
    void anAddressWithoutADomainIsInDomainZeroAndOtherDomainsAreOtherCards() throws IOException {
        renderNode("renderD128", "0000:0a:00.0");
        renderNode("renderD129", "0001:41:00.0");
        nvidiaCard("0a:00.0", UUID_0A);
        nvidiaCard("0000:41:00.0", UUID_41);

        assertThat(RenderNodes.discover(root)).containsExactly(new RenderNode("/dev/dri/renderD128", UUID_0A));
    }
}
