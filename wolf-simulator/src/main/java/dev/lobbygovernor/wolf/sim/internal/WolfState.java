package dev.lobbygovernor.wolf.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.ClientSettings;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.VideoSettings;
import dev.lobbygovernor.wolf.model.WolfEvent;
import dev.lobbygovernor.wolf.model.WolfEvents;
import dev.lobbygovernor.wolf.sim.SimLobby;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the simulated Wolf holds in memory: lobbies, streaming sessions and whether NVML still
 * works. All of it is lost on a restart, as with the real Wolf (paired clients, kept in
 * {@link Pairings}, are not). Every method is synchronized, so a check-then-act (count lobbies,
 * then create) is atomic, and events leave in state order.
 */
final class WolfState {

    /** What happened to a create request. */
    enum CreateOutcome { CREATED, GPU_STACK_FAILED, SETUP_TIMED_OUT }

    /** A created lobby (kept even when its setup timed out) and, when it failed, nothing. */
    record Created(CreateOutcome outcome, String lobbyId) {
    }

    private static final class LobbyEntry {
        final String id;
        final CreateLobbyRequest request;
        final List<String> sessions = new ArrayList<>();
        /** When the lobby shows in listings: at once unless a listing delay is set. */
        final Instant listedFrom;

        LobbyEntry(String id, CreateLobbyRequest request, Instant listedFrom) {
            this.id = id;
            this.request = request;
            this.listedFrom = listedFrom;
        }
    }

    private final SimulatorSettings settings;
    private Duration listingDelay = Duration.ZERO;
    private int setupTimeouts;
    private final EventHub events;
    private final Clock clock;
    private final Pairings pairings;
    private final Map<String, LobbyEntry> lobbies = new LinkedHashMap<>();
    /**
     * Running sessions in Wolf's order. A list, not a map: Wolf appends every added session, and
     * two streams of one client share its id.
     */
    private final List<StreamSession> sessions = new ArrayList<>();
    /** Ids of sessions whose Moonlight client went away while Wolf kept the session: leaked ones. */
    private final java.util.Set<String> abandoned = new java.util.HashSet<>();
    private boolean nvmlBroken;
    /** Set by a test: Wolf reports it cannot create new pipelines, whatever NVML does. */
    private boolean pipelinesFail;
    /** Names of watched threads whose heartbeat stopped, set by a test. */
    private final List<String> stuckThreads = new ArrayList<>();
    private Instant startedAt;

    WolfState(SimulatorSettings settings, EventHub events, Pairings pairings) {
        this.settings = settings;
        this.events = events;
        this.pairings = pairings;
        this.clock = settings.clock();
        this.startedAt = clock.instant();
    }

    /** Forgets every lobby and session and heals NVML: a fresh Wolf process. */
    synchronized void reset() {
        lobbies.clear();
        sessions.clear();
        abandoned.clear();
        pairings.restart();
        nvmlBroken = false;
        pipelinesFail = false;
        stuckThreads.clear();
        startedAt = clock.instant();
    }

    synchronized void failPipelines(boolean fail) {
        pipelinesFail = fail;
    }

    synchronized boolean pipelinesFail() {
        return pipelinesFail;
    }

    synchronized void stickThread(String name) {
        stuckThreads.add(name);
    }

    synchronized void unstickThreads() {
        stuckThreads.clear();
    }

    synchronized List<String> stuckThreads() {
        return List.copyOf(stuckThreads);
    }

    /**
     * Creates a lobby unless this one is where the GPU stack fails. {@code mayFail} is false
     * for the test hook that plants a lobby, which never crashes the server.
     */
    synchronized Created create(CreateLobbyRequest request, boolean mayFail) {
        int after = lobbies.size() + 1;
        if (mayFail && settings.gpuStackFailsAt() > 0 && after >= settings.gpuStackFailsAt()) {
            return new Created(CreateOutcome.GPU_STACK_FAILED, null);
        }
        String id = UUID.randomUUID().toString();
        lobbies.put(id, new LobbyEntry(id, request, clock.instant().plus(mayFail ? listingDelay : Duration.ZERO)));
        if (settings.nvmlBreaksAt() > 0 && after >= settings.nvmlBreaksAt()) {
            // sticky, as in the incident: NVML came back only after Wolf was restarted
            nvmlBroken = true;
        }
        publish(new WolfEvent.LobbyCreated(id, request.name(), request.profileId()));
        if (mayFail && setupTimeouts > 0) {
            // Wolf adds the lobby to its state before setup finishes, so it stays and counts
            setupTimeouts--;
            return new Created(CreateOutcome.SETUP_TIMED_OUT, id);
        }
        return new Created(CreateOutcome.CREATED, id);
    }

    /** Lobbies created from now on show in listings only {@code delay} after their creation. */
    synchronized void listingDelay(Duration delay) {
        this.listingDelay = delay;
    }

    /** The next {@code creates} creates keep their lobby but answer that setup timed out. */
    synchronized void timeOutSetups(int creates) {
        this.setupTimeouts = creates;
    }

    synchronized void stop(String lobbyId, LobbyPin pin) throws WolfError {
        LobbyEntry entry = authorised(lobbyId, pin);
        lobbies.remove(entry.id);
        publish(new WolfEvent.LobbyStopped(entry.id));
    }

    synchronized void join(String lobbyId, String sessionId, LobbyPin pin) throws WolfError {
        LobbyEntry entry = authorised(lobbyId, pin);
        if (!runs(sessionId)) {
            throw WolfError.refused(WolfError.UNKNOWN_JOINING_SESSION);
        }
        if (!entry.sessions.contains(sessionId)) {
            entry.sessions.add(sessionId);
        }
        publish(new WolfEvent.LobbyJoined(entry.id, sessionId));
    }

    /** Removes the session; a lobby that stops when everyone leaves stops with the last one. */
    synchronized void leave(String lobbyId, String sessionId) throws WolfError {
        LobbyEntry entry = lobby(lobbyId);
        boolean left = entry.sessions.remove(sessionId);
        publish(new WolfEvent.LobbyLeft(entry.id, sessionId));
        if (left && entry.sessions.isEmpty() && entry.request.stopWhenEveryoneLeaves()) {
            lobbies.remove(entry.id);
            publish(new WolfEvent.LobbyStopped(entry.id));
        }
    }

    /**
     * Adds a session as the helixml fork does: {@code app_id} must name a configured app
     * ("Invalid app_id") and {@code client_id} a paired client ("Invalid client_id"); the
     * session's id is then that client's id, which is what Wolf answers and lists.
     */
    synchronized String addSession(StreamSession request) throws WolfError {
        if (settings.apps().stream().map(App::id).noneMatch(id -> id.equals(request.appId()))) {
            throw WolfError.refused(WolfError.INVALID_APP);
        }
        Optional<ClientSettings> client = pairings.settingsOf(request.clientId());
        if (client.isEmpty()) {
            throw WolfError.refused(WolfError.INVALID_CLIENT);
        }
        String id = request.clientId();
        ClientSettings clientSettings = request.clientSettings() != null ? request.clientSettings() : client.get();
        sessions.add(new StreamSession(request.appId(), id, request.clientIp(), request.aesKey(),
                request.aesIv(), request.rtspFakeIp(), clientSettings, request.videoWidth(),
                request.videoHeight(), request.videoRefreshRate(), request.audioChannelCount()));
        publish(new WolfEvent.StreamStarted(id, request.clientIp(), request.appId()));
        return id;
    }

    /** Stops every stream with that id (Wolf's stop event reaches each one) and leaves its lobbies. */
    synchronized void stopSession(String sessionId) throws WolfError {
        if (!sessions.removeIf(s -> s.id().equals(sessionId))) {
            throw WolfError.refused(WolfError.INVALID_SESSION);
        }
        abandoned.remove(sessionId);
        for (LobbyEntry entry : lobbies.values()) {
            entry.sessions.remove(sessionId);
        }
        publish(new WolfEvent.StreamStopped(sessionId));
    }

    private boolean runs(String sessionId) {
        return sessions.stream().anyMatch(s -> s.id().equals(sessionId));
    }

    synchronized List<Lobby> wireLobbies() {
        List<Lobby> out = new ArrayList<>(lobbies.size());
        Instant now = clock.instant();
        for (LobbyEntry e : lobbies.values()) {
            if (now.isBefore(e.listedFrom)) {
                continue;
            }
            CreateLobbyRequest r = e.request;
            out.add(new Lobby(e.id, r.name(), r.iconPngPath(), r.multiUser(), r.profileId(),
                    r.pin() != null, r.stopWhenEveryoneLeaves(), r.runner(), e.sessions));
        }
        return out;
    }

    synchronized List<SimLobby> simLobbies() {
        List<SimLobby> out = new ArrayList<>(lobbies.size());
        for (LobbyEntry e : lobbies.values()) {
            out.add(new SimLobby(e.id, e.request.name(), e.request.profileId(),
                    e.request.pin() != null, e.request.stopWhenEveryoneLeaves(), e.sessions,
                    e.request.videoSettings() == null ? null : e.request.videoSettings().waylandRenderNode()));
        }
        return out;
    }

    synchronized List<StreamSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * The session's client goes away without ending its stream: Wolf keeps listing the session,
     * and leaves its lobbies' lists, but no client streams it any more.
     */
    synchronized void abandon(String sessionId) {
        if (!runs(sessionId)) {
            throw new IllegalArgumentException("no session " + sessionId + " runs");
        }
        abandoned.add(sessionId);
        for (LobbyEntry entry : lobbies.values()) {
            entry.sessions.remove(sessionId);
        }
    }

    /** Whether the session's client still streams it (it was not abandoned). */
    synchronized boolean streamed(String sessionId) {
        return !abandoned.contains(sessionId);
    }

    /** Each lobby's video settings, by lobby id. */
    synchronized Map<String, VideoSettings> lobbyVideo() {
        Map<String, VideoSettings> out = new LinkedHashMap<>();
        lobbies.forEach((id, e) -> out.put(id, e.request.videoSettings()));
        return out;
    }

    /** The lobby each session is connected to, by session id. */
    synchronized Map<String, String> lobbyOfSession() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LobbyEntry e : lobbies.values()) {
            for (String s : e.sessions) {
                out.put(s, e.id);
            }
        }
        return out;
    }

    synchronized int lobbyCount() {
        return lobbies.size();
    }

    synchronized boolean nvmlBroken() {
        return nvmlBroken;
    }

    /** Breaks NVML now, whatever the lobby count; healed by a restart. */
    synchronized void breakNvml() {
        nvmlBroken = true;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    private LobbyEntry lobby(String lobbyId) throws WolfError {
        LobbyEntry entry = lobbies.get(lobbyId);
        if (entry == null) {
            throw WolfError.refused(WolfError.INVALID_LOBBY);
        }
        return entry;
    }

    /**
     * The lobby, if {@code pin} matches its PIN exactly: a protected lobby needs the identical
     * digits, an open lobby needs no PIN at all (Wolf compares the optional arrays).
     */
    private LobbyEntry authorised(String lobbyId, LobbyPin pin) throws WolfError {
        LobbyEntry entry = lobby(lobbyId);
        if (!Objects.equals(entry.request.pin(), pin)) {
            throw WolfError.refused(WolfError.INVALID_PIN);
        }
        return entry;
    }

    private void publish(WolfEvent event) {
        try {
            events.publish(event.wireType(), WolfEvents.encode(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulator event could not be serialised", e);
        }
    }
}
