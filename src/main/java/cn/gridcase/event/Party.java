package cn.gridcase.event;

/** A party to an event (for a dispute: each side), with a contact phone (rule E2). */
public record Party(String name, String phone) {}
