package dev.agentctl.workspace;

import java.nio.file.Path;

/** A registered project, or an unregistered directory used as a project (name = its file name). */
public record Project(String name, Path dir, String defaultProfile) {}
