package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Wolf's generic reply: {@code {"success":true}} or {@code {"success":false,"error":"..."}}.
 *
 * @param success whether Wolf did what was asked
 * @param error Wolf's own error text, {@code null} on success
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericReply(boolean success, String error) {

    /**
     * Wolf's plain success.
     *
     * @return {@code {"success":true}}
     */
    public static GenericReply ok() {
        return new GenericReply(true, null);
    }

    /**
     * Wolf's refusal.
     *
     * @param error Wolf's text, such as {@code Invalid PIN}
     * @return {@code {"success":false,"error":error}}
     */
    public static GenericReply failure(String error) {
        return new GenericReply(false, error);
    }
}
