package dev.lobbygovernor.core.diagnosis.internal;

/** The actions more than one check gives. */
final class Actions {

    /**
     * With Docker's systemd cgroup driver, a {@code systemctl daemon-reload} (or any container
     * update) rewrites the container's device rules without the NVIDIA devices the runtime hook
     * added; work already running keeps its open devices, every new open fails until the
     * container is created again.
     */
    static final String RECREATE_CONTAINER = "Recreate the container (the device cgroup was reset by a systemd"
            + " daemon-reload): docker compose up -d --force-recreate SERVICE, or docker rm -f and run it"
            + " again. To keep it from recurring, on the host run 'nvidia-ctk system create-dev-char-symlinks"
            + " --create-all', or use Docker's cgroupfs driver, pass the /dev/nvidia* nodes with --device, or"
            + " use CDI.";

    static final String REQUEST_GPU = "Give the process the GPU: on the host, check that the NVIDIA driver is"
            + " loaded (lsmod | grep nvidia); in a container, request it (docker run --gpus all; compose:"
            + " deploy.resources.reservations.devices with driver: nvidia and capabilities: [gpu]) or pass the"
            + " nodes with --device /dev/nvidiactl --device /dev/nvidia-uvm --device /dev/nvidia0.";

    private Actions() {
    }
}
