package cn.gridcase.event;

import cn.gridcase.platform.Text;

/** A party to an event (for a dispute: each side), with a contact phone (rule E2). */
public record Party(@Text(max = 100) String name, @Text(max = 32) String phone) {}
