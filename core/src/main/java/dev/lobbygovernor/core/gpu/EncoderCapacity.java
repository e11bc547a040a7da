package dev.lobbygovernor.core.gpu;

/**
 * The NVENC capacity a GPU reports per codec ({@code nvmlDeviceGetEncoderCapacity}), as a
 * percentage 0–100 of the encoder's maximum. NVIDIA documents it as the "current capacity";
 * whether that is what remains or what is used is not stated, so it is shown as read and no
 * decision is taken from it. A codec the GPU does not encode is {@code null}.
 *
 * @param h264Percent H.264 capacity, or {@code null}
 * @param hevcPercent HEVC capacity, or {@code null}
 * @param av1Percent AV1 capacity, or {@code null}
 */
public record EncoderCapacity(Integer h264Percent, Integer hevcPercent, Integer av1Percent) {
}
