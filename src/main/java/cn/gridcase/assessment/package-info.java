/**
 * Assessment and pay (考核与报酬, rules A1–A9): the grid workers' monthly pay from their entries
 * (A1–A3), the township's pay settings, the pay sheets and the rankings (A9). The published surface
 * is this package; everything else is in {@code internal}.
 */
package cn.gridcase.assessment;
