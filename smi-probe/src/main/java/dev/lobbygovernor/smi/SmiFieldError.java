package dev.lobbygovernor.smi;

import java.util.Objects;

/**
 * nvidia-smi could not read one field of one GPU: it printed {@code [Unknown Error]} or a
 * bracketed token this library does not know. The field is {@code null} in the sample; unlike
 * {@code [N/A]}, this is a failure worth showing to an operator.
 *
 * @param gpuIndex the GPU's index
 * @param field the field name, such as {@code temperature.gpu}
 * @param token what nvidia-smi printed instead of a value
 */
public record SmiFieldError(int gpuIndex, String field, String token) {

    /**
     * Requires the field and the token.
     *
     * @param gpuIndex the GPU's index
     * @param field the field name; not {@code null}
     * @param token what nvidia-smi printed instead of a value; not {@code null}
     * @throws NullPointerException if {@code field} or {@code token} is {@code null}
     */
    public SmiFieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(token, "token");
    }
}
