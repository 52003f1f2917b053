package cn.gridcase.assignment.internal;

import java.io.Serializable;

/** A grid worker's completion of their grid's task, as submitted: what was done. */
public record Completion(String note) implements Serializable {}
