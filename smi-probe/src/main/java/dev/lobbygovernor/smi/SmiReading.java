package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.GpuSample;
import java.util.List;
import java.util.Objects;

/**
 * A parsed nvidia-smi answer: the sample, plus the fields nvidia-smi failed to read (which the
 * sample shows only as {@code null}).
 *
 * @param sample the devices read
 * @param fieldErrors optional fields that held an error token instead of a value
 */
public record SmiReading(GpuSample sample, List<SmiFieldError> fieldErrors) {

    /**
     * Requires the sample; copies the list.
     *
     * @param sample the devices read; not {@code null}
     * @param fieldErrors optional fields that held an error token; copied
     * @throws NullPointerException if {@code sample} or {@code fieldErrors} is {@code null}
     */
    public SmiReading {
        Objects.requireNonNull(sample, "sample");
        fieldErrors = List.copyOf(fieldErrors);
    }
}
