package dev.agentctl.tmux;

/** A pane just opened: its id (like "%12") and the pid of its process, or null when tmux did not say. */
public record Opened(String id, Long pid) {}
