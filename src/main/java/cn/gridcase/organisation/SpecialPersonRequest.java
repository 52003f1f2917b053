package cn.gridcase.organisation;

import cn.gridcase.platform.Text;
import java.time.LocalDate;

/**
 * A person to register in a grid's special-group register: {@code group} a {@link SpecialGroup}
 * code (or its Chinese label), read by the rules so that an unknown one is named with the other
 * problems; {@code registeredOn} defaults to today.
 */
public record SpecialPersonRequest(
    @Text(max = 50) String name,
    @Text(max = 32) String group,
    @Text(max = 200) String household,
    LocalDate registeredOn) {}
