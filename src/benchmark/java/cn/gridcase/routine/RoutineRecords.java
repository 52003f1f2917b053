package cn.gridcase.routine;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A year (or a month) of the grid workers' routine made in PostgreSQL itself, for {@link
 * ShortfallsBenchmark}: the special-group registers, the work records with their details, the
 * events the workers reported, into the application's own tables (Flyway-made), on top of the
 * organisation that {@link RoutineOrganisation} imported.
 *
 * <p>Everything is derived from a hash of (worker, day, purpose) ({@code bench.rnd}), so that a
 * rebuild makes the same data. The steps done are kept in {@code bench.step} of the database (with
 * their seconds), so that an interrupted build resumes where it stopped and a complete one is
 * reused. What the load does, in order:
 *
 * <ol>
 *   <li>{@code bench.worker}: one row per grid worker (from the appointments) with a diligence
 *       profile — 80 % complete, 15 % sometimes short, 5 % often short (the miss rates in {@code
 *       bench.profile}) — and a position;
 *   <li>{@code special_person}: 0–6 per grid (3 on average), most registered before the year, 15 %
 *       during it, 5 % leaving during it;
 *   <li>the primary keys, unique constraints, indexes and foreign keys of {@code work_record},
 *       {@code work_record_detail} and {@code event} (and the foreign keys pointing at them) are
 *       saved ({@code bench.saved_ddl}, their definitions as PostgreSQL prints them) and dropped;
 *   <li>day by day, one transaction per day: the day's records of every worker, inserted in the
 *       order they were recorded (so that a worker's records lie scattered among everybody's, as
 *       they would arrive from 20,000 phones), their details, the day's events and its event
 *       counter;
 *   <li>the keys back, then corrections (0.05 % of patrols and visits corrected, 0.02 % of
 *       information entries withdrawn: new records pointing at the old ones), then the indexes and
 *       the foreign keys, then {@code VACUUM ANALYZE} and the counts.
 * </ol>
 */
final class RoutineRecords {

  /** Working day: how it lies in its ISO week. */
  record Day(LocalDate date, boolean working, int rank, int workingInWeek) {}

  private static final String PATROL_NOTES =
      "array['巡查主干道及水渠，未见异常', '巡查沿街商铺消防通道，已提醒清理杂物', '巡查村组道路，发现路灯损坏一处，已上报',"
          + " '巡查河道及堤坝，水位正常', '巡查小区楼道，劝导占道堆放']";
  private static final String VISIT_NOTES =
      "array['了解家庭生产生活情况', '宣传防诈骗知识', '核实家庭人口信息', '了解子女就学情况', '反映用水困难，已记录',"
          + " '宣传医保缴费政策', '老人身体状况良好']";
  private static final String INFO_KINDS =
      "array['人口信息', '房屋信息', '单位信息', '重点人员', '民生诉求', '流动人口登记']";
  private static final String INFO_TEXTS =
      "array['新增常住人口1人', '更新联系电话', '登记出租房屋1处', '核实外出务工人员信息', '登记新开办商户1家'," + " '记录群众反映道路破损']";
  private static final String DIARY_1 = "array['今日走访农户', '今日入户走访', '上午巡查网格', '今日参加村例会']";
  private static final String DIARY_2 = "array['，收集群众诉求', '，排查矛盾纠纷隐患', '，更新人口信息', '，宣传惠民政策']";
  private static final String DIARY_3 =
      "array['，整理台账并录入系统。', '，协助村委会开展政策宣传。', '，对独居老人进行了探望。', '，调解邻里纠纷一起。']";
  private static final String SCREENINGS =
      "array['本周排查矛盾纠纷0起，安全隐患0处', '本周排查发现邻里纠纷1起，已调解', '本周排查发现消防隐患1处，已督促整改',"
          + " '本周排查未发现不稳定因素', '本周排查发现土地纠纷苗头1起，已报村委会']";
  private static final String SURNAMES =
      "array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭',"
          + " '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '董', '曹', '袁']";
  private static final String GIVEN =
      "array['秀兰', '桂英', '建国', '志强', '海燕', '玉梅', '永红', '文军', '春花', '国华', '小平', '丽娟',"
          + " '德明', '金凤', '保平', '淑珍', '学军', '红霞', '振华', '明亮']";
  private static final String GROUPS =
      "array['DISABLED', 'DISABLED', 'MIGRANT', 'MIGRANT', 'POOR_PARTY_MEMBER', 'ENTITLED',"
          + " 'SINGLE_MOTHER', 'COMMUNITY_CORRECTION', 'RELEASED_PRISONER', 'DRUG_REHAB']";

  private static final String FUNCTIONS =
      """
      create schema if not exists bench;
      create table if not exists bench.step (
        name text primary key, finished_at timestamptz not null default now(),
        seconds double precision not null, info text);
      create table if not exists bench.saved_ddl (
        seq int primary key, kind text not null, table_name text not null, name text not null,
        create_sql text not null);
      create or replace function bench.rnd(a bigint, b bigint, c int) returns double precision
        language sql immutable parallel safe
        as $$ select (hashint8((a * 1000003 + b) * 1009 + c) & 2147483647)::double precision
              / 2147483648.0 $$;
      create or replace function bench.pick(options text[], x double precision) returns text
        language sql immutable parallel safe
        as $$ select options[1 + floor(x * array_length(options, 1))::int] $$;
      create or replace function bench.at(d date, minute double precision) returns timestamptz
        language sql stable parallel safe
        as $$ select (d + minute * interval '1 minute') at time zone 'Asia/Shanghai' $$;
      create or replace function bench.household(grid_type text, grid_no int, n int) returns text
        language sql immutable parallel safe
        as $$ select case when grid_type = 'RURAL' then grid_no || '组' || n || '号'
              else (1 + n / 24) || '栋' || (1 + (n % 24) / 8) || '单元' || (101 + n % 8) || '室' end $$;
      """;

  /** The grid workers with their profile (0 complete, 1 sometimes short, 2 often short). */
  private static final String WORKERS =
      """
      create table bench.worker as
      select w, username, grid_code, grid_type, households, grid_no, village_code, township_code,
        case when bench.rnd(w, 0, 1) < 0.80 then 0 when bench.rnd(w, 0, 1) < 0.95 then 1 else 2 end
          as profile,
        (35.5 + bench.rnd(w, 0, 2))::numeric(9, 6) as lat,
        (103.3 + bench.rnd(w, 0, 3))::numeric(9, 6) as lon
      from (select row_number() over (order by a.unit_code)::int as w, a.username,
              a.unit_code as grid_code, g.grid_type, coalesce(g.households, 300) as households,
              substring(a.unit_code from '([0-9]+)$')::int as grid_no, g.parent_code as village_code,
              v.parent_code as township_code
            from appointment a join org_unit g on g.code = a.unit_code
              join org_unit v on v.code = g.parent_code
            where a.role = 'GRID_WORKER' and a.ends_on is null) x;
      alter table bench.worker add primary key (w);
      create table bench.profile (
        profile int primary key, checkin double precision, patrol double precision,
        diary double precision, family double precision, special double precision,
        screening double precision, info double precision, event double precision);
      insert into bench.profile values
        (0, 0, 0, 0, 0, 0, 0, 0, 0.40),
        (1, 0.05, 0.10, 0.15, 0.10, 0.10, 0.10, 0.10, 0.30),
        (2, 0.25, 0.30, 0.45, 0.40, 0.35, 0.40, 0.40, 0.15);
      """;

  private static final String SPECIAL_PERSONS =
      """
      insert into special_person (grid_code, name, special_group, household, registered_on,
        registered_by, left_on, left_reason, left_by, created_at)
      select grid_code, name, special_group, household, registered_on, username,
        case when leaves then left_on end, case when leaves then '迁出本网格' end,
        case when leaves then username end,
        bench.at(registered_on, 600)
      from (
        select w.w, w.grid_code, w.username,
          bench.pick(%s, bench.rnd(w.w, k, 34)) || bench.pick(%s, bench.rnd(w.w, k, 35)) as name,
          bench.pick(%s, bench.rnd(w.w, k, 31)) as special_group,
          bench.household(w.grid_type, w.grid_no, 1 + floor(bench.rnd(w.w, k, 36) * w.households)::int)
            as household,
          case when bench.rnd(w.w, k, 32) < 0.85
            then ?::date - 1 - floor(bench.rnd(w.w, k, 37) * 700)::int
            else ?::date + floor(bench.rnd(w.w, k, 37) * (?::int - 30))::int end as registered_on,
          bench.rnd(w.w, k, 33) < 0.05 as leaves, k
        from bench.worker w
          cross join lateral generate_series(1, floor(bench.rnd(w.w, 0, 30) * 7)::int) k) s
        cross join lateral (select least(?::date, greatest(s.registered_on, ?::date)
          + 7 + floor(bench.rnd(s.w, s.k, 38) * 300)::int) as left_on) l
      order by grid_code, registered_on
      """
          .formatted(SURNAMES, GIVEN, GROUPS);

  private static final String SPECIAL_COPY =
      """
      create table bench.special as
        select s.id, w.w, s.special_group, s.household, s.registered_on, s.left_on
        from special_person s join bench.worker w on w.grid_code = s.grid_code;
      create index on bench.special (registered_on);
      """;

  /**
   * One day's records of every worker, in the order they were recorded ({@code rn}). Parameters:
   * the day, whether it is a working day, its rank among the working days of its ISO week, the
   * number of those, a day number and a week number (hash inputs).
   */
  private static final String DAY_RECORDS =
      """
      create temp table day_rec on commit drop as
      with p as (select ?::date as d, ?::boolean as working, ?::int as rnk, ?::int as nwork,
                   ?::bigint as di, ?::bigint as wk),
      wp as (select w.*, pr.checkin, pr.patrol, pr.diary, pr.family, pr.special, pr.screening,
               pr.info from bench.worker w join bench.profile pr on pr.profile = w.profile),
      pat as (select wp.*, p.*,
                p.working and bench.rnd(wp.w, p.di, 4) < wp.patrol as short,
                p.working and bench.rnd(wp.w, p.di, 3) < 0.5 as two,
                540 + bench.rnd(wp.w, p.di, 8) * 30 as start_m
              from wp cross join p
              where p.working or bench.rnd(wp.w, p.di, 7) < 0.6),
      parts as (
        -- check-in (S2): every working day unless missed; on a day off half of them
        select w, username, grid_code, 'CHECK_IN'::text as kind, m as at_m,
          null::double precision as end_m, null::int as minutes, null::text as visit_group,
          null::bigint as sp, null::text as household, m + 0.2 as rec_m,
          lat + (bench.rnd(w, di, 50) - 0.5) * 0.004 as lat,
          lon + (bench.rnd(w, di, 51) - 0.5) * 0.004 as lon,
          null::text as info_kind, null::text as body, 1 as slot
        from (select wp.*, p.*, case when p.working then 475 + bench.rnd(wp.w, p.di, 5) * 50
                                  else 510 + bench.rnd(wp.w, p.di, 5) * 120 end as m
              from wp cross join p
              where bench.rnd(wp.w, p.di, 6) >= case when p.working then wp.checkin else 0.5 end) c
        union all
        -- the morning patrol: 2-3 h, or 65-90 min when there is an afternoon one, 50-110 min
        -- when short; 60-120 min on a day off (60 %% of the workers)
        select w, username, grid_code, 'PATROL', start_m, start_m + mins, mins, null, null, null,
          start_m + mins + 0.5, lat + (bench.rnd(w, di, 52) - 0.5) * 0.004,
          lon + (bench.rnd(w, di, 53) - 0.5) * 0.004, null,
          case when bench.rnd(w, di, 10) < 0.3 then bench.pick(%1$s, bench.rnd(w, di, 11)) end, 2
        from (select pat.*, (case when not working then 60 + floor(bench.rnd(w, di, 9) * 61)
                               when short then 50 + floor(bench.rnd(w, di, 9) * 61)
                               when two then 65 + floor(bench.rnd(w, di, 9) * 26)
                               else 125 + floor(bench.rnd(w, di, 9) * 61) end)::int as mins
              from pat) a
        union all
        -- the afternoon patrol of half the working days: 60-90 min
        select w, username, grid_code, 'PATROL', s2, s2 + m2, m2, null, null, null, s2 + m2 + 0.5,
          lat + (bench.rnd(w, di, 54) - 0.5) * 0.004, lon + (bench.rnd(w, di, 55) - 0.5) * 0.004,
          null, null, 3
        from (select pat.*, 870 + bench.rnd(w, di, 22) * 30 as s2,
                (60 + floor(bench.rnd(w, di, 23) * 31))::int as m2
              from pat where two and not short) b
        union all
        -- family visits: 4-7 a working day (0-1 in a slack week), 2-5 on a day off
        select w, username, grid_code, 'VISIT', m, null, null, 'FAMILY', null,
          bench.household(grid_type, grid_no,
            1 + floor(bench.rnd(w, di * 16 + k, 13) * households)::int),
          m + 0.3, lat + (bench.rnd(w, di * 16 + k, 56) - 0.5) * 0.004,
          lon + (bench.rnd(w, di * 16 + k, 57) - 0.5) * 0.004, null,
          case when bench.rnd(w, di * 16 + k, 24) < 0.4
            then bench.pick(%2$s, bench.rnd(w, di * 16 + k, 25)) end, 10 + k
        from (select wp.*, p.*, k, 600 + k * 50 + bench.rnd(wp.w, p.di * 16 + k, 12) * 40 as m
              from wp cross join p cross join lateral generate_series(1,
                case when not p.working then 2 + floor(bench.rnd(wp.w, p.di, 14) * 4)::int
                  when bench.rnd(wp.w, p.wk, 15) < wp.family
                    then (bench.rnd(wp.w, p.di, 16) < 0.3)::int
                  else 4 + floor(bench.rnd(wp.w, p.di, 14) * 4)::int end) k) f
        union all
        -- each registered special person once a week, on a working day of its own
        select wp.w, wp.username, wp.grid_code, 'VISIT', s.m, null, null, s.special_group, s.id,
          s.household, s.m + 0.3, wp.lat + (bench.rnd(s.id, s.di, 58) - 0.5) * 0.004,
          wp.lon + (bench.rnd(s.id, s.di, 59) - 0.5) * 0.004, null,
          case when bench.rnd(s.id, s.di, 60) < 0.5
            then bench.pick(%2$s, bench.rnd(s.id, s.di, 61)) end, 30
        from (select s.*, p.di, p.wk, 630 + bench.rnd(s.id, p.di, 17) * 420 as m
              from bench.special s cross join p
              where p.working and s.registered_on <= p.d and (s.left_on is null or s.left_on >= p.d)
                and s.id %% p.nwork + 1 = p.rnk) s
          join wp on wp.w = s.w
        where bench.rnd(s.id, s.wk, 18) >= wp.special
        union all
        -- information entries: 2-4 a working day (3-5 in an urban community grid, 0-1 in a slack
        -- week), 0-3 on a day off
        select w, username, grid_code, 'INFO_ENTRY', m, null, null, null, null, null, m + 0.5,
          null, null, bench.pick(%3$s, bench.rnd(w, di * 16 + k, 28)),
          bench.pick(%4$s, bench.rnd(w, di * 16 + k, 29)), 40 + k
        from (select wp.*, p.*, k, 540 + bench.rnd(wp.w, p.di * 16 + k, 27) * 540 as m
              from wp cross join p cross join lateral generate_series(1,
                case when not p.working then floor(bench.rnd(wp.w, p.di, 26) * 4)::int
                  when bench.rnd(wp.w, p.wk, 19) < wp.info
                    then floor(bench.rnd(wp.w, p.di, 26) * 2)::int
                  when wp.grid_type = 'URBAN_COMMUNITY'
                    then 3 + floor(bench.rnd(wp.w, p.di, 26) * 3)::int
                  else 2 + floor(bench.rnd(wp.w, p.di, 26) * 3)::int end) k) i
        union all
        -- diaries: on the 2nd and 4th working day of the week (1st and 2nd in a short week, both
        -- on the only one), written in the evening
        select w, username, grid_code, 'DIARY', null, null, null, null, null, null,
          1200 + bench.rnd(w, di * 4 + k, 32) * 120, null, null, null,
          bench.pick(%5$s, bench.rnd(w, di * 4 + k, 62)) || bench.pick(%6$s, bench.rnd(w, di * 4 + k, 63))
            || bench.pick(%7$s, bench.rnd(w, di * 4 + k, 64)), 50 + k
        from (select wp.*, p.*, k from wp cross join p cross join lateral generate_series(1,
                case when not p.working then 0 when p.nwork >= 4 then (p.rnk in (2, 4))::int
                  when p.nwork >= 2 then (p.rnk in (1, 2))::int else 2 end) k
              where bench.rnd(wp.w, p.wk * 8 + p.rnk + k, 20) >= wp.diary) y
        union all
        -- the weekly screening, on the 3rd working day
        select w, username, grid_code, 'SCREENING', null, null, null, null, null, null,
          960 + bench.rnd(w, di, 65) * 60, null, null, null,
          bench.pick(%8$s, bench.rnd(w, di, 66)), 60
        from (select wp.*, p.* from wp cross join p
              where p.working and p.rnk = least(3, p.nwork)
                and bench.rnd(wp.w, p.wk, 21) >= wp.screening) z
      )
      select row_number() over (order by rec_m, w, slot) as rn, parts.* from parts
      """
          .formatted(
              PATROL_NOTES,
              VISIT_NOTES,
              INFO_KINDS,
              INFO_TEXTS,
              DIARY_1,
              DIARY_2,
              DIARY_3,
              SCREENINGS);

  private static final String INSERT_RECORDS =
      """
      insert into work_record (id, username, kind, grid_code, work_date, occurred_at, ended_at,
        minutes, visit_group, special_person_id, household, open_by, corrects_id, corrected_by,
        recorded_at)
      select ? + rn, username, kind, grid_code, ?::date, bench.at(?::date, at_m),
        bench.at(?::date, end_m), minutes, visit_group, sp, household, null, null, null,
        bench.at(?::date, rec_m) + bench.rnd(w, rn, 33) * 20 * interval '1 second'
      from day_rec order by rn
      """;

  private static final String INSERT_DETAILS =
      """
      insert into work_record_detail (record_id, latitude, longitude, info_kind, body)
      select ? + rn, lat::numeric(9, 6), lon::numeric(9, 6), info_kind, body from day_rec
      where lat is not null or info_kind is not null or body is not null
      """;

  /** The events the workers reported that day, all closed by now (at the grid or the village). */
  private static final String INSERT_EVENTS =
      """
      insert into event (number, category, title, grid_code, village_code, township_code,
        occurred_at, location, persons, cause, course, major, reported_at, reported_by, status,
        level, unit_code, overdue_acceptance, overdue_handling, result, resolved_at, resolved_by,
        satisfaction, closed_at)
      select 'SJ-' || to_char(d, 'YYYYMMDD') || '-' || lpad(rn::text, 4, '0'), category,
        case category when 'DISPUTE' then bench.pick(array['邻里纠纷', '土地界址纠纷', '家庭矛盾'], x)
          when 'HAZARD' then bench.pick(array['消防通道堵塞', '危房隐患', '电线老化'], x)
          when 'SERVICE' then bench.pick(array['低保申请咨询', '路灯损坏', '垃圾清运不及时'], x)
          else '其他需报告事项' end,
        grid_code, village_code, township_code, bench.at(d, m - 30 - x * 120),
        bench.household(grid_type, grid_no, 1 + floor(x * households)::int), '群众若干',
        bench.pick(array['群众来电反映', '网格员巡查发现', '入户走访时群众反映'], y),
        bench.pick(array['网格员到现场核实情况', '网格员现场查看并拍照留存', '网格员联系当事人了解情况'], y),
        y < 0.01, bench.at(d, m), username, 'CLOSED', case when esc then 'VILLAGE' else 'GRID' end,
        case when esc then village_code else grid_code end, false, y < 0.03,
        bench.pick(array['已协调解决', '已督促整改到位', '已转有关部门处理完毕'], x),
        bench.at(d, m) + (1 + y * 3) * interval '1 day', username,
        case when y < 0.85 then 'SATISFIED' else 'BASICALLY_SATISFIED' end,
        bench.at(d, m) + (2 + y * 3) * interval '1 day'
      from (select row_number() over (order by m, w) as rn, e.*,
              case when c < 0.35 then 'DISPUTE' when c < 0.6 then 'HAZARD' when c < 0.9 then 'SERVICE'
                else 'OTHER' end as category,
              bench.rnd(w, di, 43) < 0.1 as esc
            from (select w.*, p.*, 540 + bench.rnd(w.w, p.di, 41) * 540 as m,
                    bench.rnd(w.w, p.di, 42) as c, bench.rnd(w.w, p.di, 44) as x,
                    bench.rnd(w.w, p.di, 45) as y
                  from bench.worker w join bench.profile pr on pr.profile = w.profile
                    cross join (select ?::date as d, ?::boolean as working, ?::bigint as di) p
                  where bench.rnd(w.w, p.di, 40) < case when p.working then pr.event else 0.1 end) e
           ) r
      where rn <= 9999
      """;

  /**
   * Corrections and withdrawals: a patrol's times and minutes or a visit's household entered anew,
   * an information entry withdrawn; the old record is marked, as {@code WorkRecords} does.
   */
  private static final String CORRECTIONS =
      """
      with old as (
        select * from work_record
        where corrected_by is null and ((kind in ('PATROL', 'VISIT') and id %% 2000 = 7)
          or (kind = 'INFO_ENTRY' and id %% 5000 = 11))),
      ins as (
        insert into work_record (username, kind, grid_code, work_date, occurred_at, ended_at,
          minutes, visit_group, special_person_id, household, corrects_id, recorded_at)
        select username, case when kind = 'INFO_ENTRY' then 'WITHDRAWAL' else kind end, grid_code,
          work_date, case when kind = 'INFO_ENTRY' then null else occurred_at end,
          case when kind = 'PATROL' then ended_at + interval '15 minutes' end,
          case when kind = 'PATROL' then minutes + 15 end,
          case when kind = 'VISIT' then visit_group end,
          case when kind = 'VISIT' then special_person_id end,
          case when kind = 'VISIT' then household || '之1' end, id,
          recorded_at + interval '3 hours'
        from old order by id
        returning id, kind, corrects_id),
      det as (
        insert into work_record_detail (record_id, correction_reason)
        select id, case kind when 'PATROL' then '巡查结束时间填写有误' when 'VISIT' then '门牌号填写有误'
          else '重复录入' end from ins)
      update work_record r set corrected_by = ins.id from ins where r.id = ins.corrects_id
      """;

  private static final List<String> LOADED_TABLES =
      List.of("work_record", "work_record_detail", "event");

  private final Connection db;
  private final String database;

  RoutineRecords(Connection db, String database) {
    this.db = db;
    this.database = database;
  }

  // ---------------------------------------------------------------------------------------------
  // steps

  void prepare() throws SQLException {
    try (Statement s = db.createStatement()) {
      db.setAutoCommit(true);
      s.execute(FUNCTIONS);
      s.execute("set work_mem = '256MB'");
      s.execute("set maintenance_work_mem = '1GB'");
      s.execute("set max_parallel_maintenance_workers = 1");
      s.execute("set synchronous_commit = off");
      // the generating queries' estimates (generate_series: 1,000 rows) would have them compiled
      // by the JIT each time: 7 s of compilation for 50 ms of work
      s.execute("set jit = off");
    }
  }

  boolean done(String step) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select 1 from bench.step where name = ?")) {
      s.setString(1, step);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  String info(String step) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select info from bench.step where name = ?")) {
      s.setString(1, step);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Seconds each kind of step took (the days summed), in the order they were done. */
  Map<String, Double> stepSeconds() throws SQLException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select split_part(name, ':', 1) as kind, sum(seconds) from bench.step"
                    + " group by 1 order by min(finished_at)")) {
      while (rs.next()) {
        seconds.put(rs.getString(1), rs.getDouble(2));
      }
    }
    return seconds;
  }

  void record(String step, double seconds, String info) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into bench.step (name, seconds, info) values (?, ?, ?) on conflict (name) do"
                + " update set seconds = excluded.seconds, info = excluded.info,"
                + " finished_at = now()")) {
      s.setString(1, step);
      s.setDouble(2, seconds);
      s.setString(3, info);
      s.executeUpdate();
    }
  }

  /** Runs {@code sql} as the step {@code name} unless it was done; one transaction. */
  void step(String name, String sql) throws SQLException {
    if (done(name)) {
      return;
    }
    long start = System.nanoTime();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute(sql);
      record(name, (System.nanoTime() - start) / 1e9, null);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    log("%s: %.1f s", name, (System.nanoTime() - start) / 1e9);
  }

  void workers() throws SQLException {
    step("workers", WORKERS);
  }

  void specialPersons(LocalDate from, LocalDate to) throws SQLException {
    if (done("special-persons")) {
      return;
    }
    long start = System.nanoTime();
    db.setAutoCommit(false);
    try (PreparedStatement s = db.prepareStatement(SPECIAL_PERSONS)) {
      int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
      s.setDate(1, Date.valueOf(from));
      s.setDate(2, Date.valueOf(from));
      s.setInt(3, days);
      s.setDate(4, Date.valueOf(to));
      s.setDate(5, Date.valueOf(from));
      s.execute();
      try (Statement copy = db.createStatement()) {
        copy.execute(SPECIAL_COPY);
      }
      record("special-persons", (System.nanoTime() - start) / 1e9, null);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    log("special-persons: %.1f s", (System.nanoTime() - start) / 1e9);
  }

  /** Saves the keys, indexes and foreign keys of the loaded tables and drops them. */
  void dropKeysAndIndexes() throws SQLException {
    if (done("drop-indexes")) {
      return;
    }
    long start = System.nanoTime();
    String tables =
        String.join(", ", LOADED_TABLES.stream().map(t -> "'" + t + "'::regclass").toList());
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("delete from bench.saved_ddl");
      s.execute(
          ("insert into bench.saved_ddl (seq, kind, table_name, name, create_sql) select"
               + " row_number() over (order by ord, tbl, name), kind, tbl, name, sql from ( select"
               + " 1 as ord, 'key' as kind, conrelid::regclass::text as tbl, conname::text as name,"
               + " 'alter table ' || conrelid::regclass || ' add constraint ' ||"
               + " quote_ident(conname) || ' ' || pg_get_constraintdef(oid) as sql from"
               + " pg_constraint where contype in ('p', 'u') and conrelid in (%1$s) union all"
               + " select 2, 'index', indrelid::regclass::text, indexrelid::regclass::text,"
               + " pg_get_indexdef(indexrelid) from pg_index i where indrelid in (%1$s) and not"
               + " exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and"
               + " c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x')) union all select 3,"
               + " 'foreign key', conrelid::regclass::text, conname::text, 'alter table ' ||"
               + " conrelid::regclass || ' add constraint ' || quote_ident(conname) || ' ' ||"
               + " pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and (conrelid"
               + " in (%1$s) or confrelid in (%1$s))) x")
              .formatted(tables));
      List<String[]> saved = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("select kind, table_name, name from bench.saved_ddl order by seq desc")) {
        while (rs.next()) {
          saved.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      for (String[] ddl : saved) { // foreign keys first, keys last
        s.execute(
            ddl[0].equals("index")
                ? "drop index " + ddl[2]
                : "alter table " + ddl[1] + " drop constraint " + ddl[2]);
      }
      record("drop-indexes", (System.nanoTime() - start) / 1e9, saved.size() + " dropped");
      db.commit();
      log("dropped %d keys, indexes and foreign keys of %s", saved.size(), LOADED_TABLES);
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** The working days of the calendar as they lie in their ISO weeks. */
  static List<Day> days(LocalDate from, LocalDate to, Predicate<LocalDate> working) {
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate monday = d.with(DayOfWeek.MONDAY);
      int rank = 0;
      int count = 0;
      for (LocalDate x = monday; x.isBefore(monday.plusDays(7)); x = x.plusDays(1)) {
        if (working.test(x)) {
          count++;
          if (!x.isAfter(d)) {
            rank++;
          }
        }
      }
      days.add(new Day(d, working.test(d), working.test(d) ? rank : 0, count));
    }
    return days;
  }

  /** Loads the days not loaded yet, one transaction each. */
  void loadDays(List<Day> days) throws SQLException {
    String sequence;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select pg_get_serial_sequence('work_record', 'id')")) {
      rs.next();
      sequence = rs.getString(1);
    }
    long started = System.nanoTime();
    int loaded = 0;
    for (Day day : days) {
      String name = "records:" + day.date();
      if (done(name)) {
        continue;
      }
      long start = System.nanoTime();
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        long base;
        try (ResultSet rs = s.executeQuery("select last_value, is_called from " + sequence)) {
          rs.next();
          base = rs.getBoolean(2) ? rs.getLong(1) : rs.getLong(1) - 1;
        }
        long di = ChronoUnit.DAYS.between(LocalDate.of(2000, 1, 1), day.date());
        long wk =
            day.date().get(IsoFields.WEEK_BASED_YEAR) * 100L
                + day.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        try (PreparedStatement p = db.prepareStatement(DAY_RECORDS)) {
          p.setDate(1, Date.valueOf(day.date()));
          p.setBoolean(2, day.working());
          p.setInt(3, day.rank());
          p.setInt(4, Math.max(1, day.workingInWeek()));
          p.setLong(5, di);
          p.setLong(6, wk);
          p.execute();
        }
        int records;
        try (PreparedStatement p = db.prepareStatement(INSERT_RECORDS)) {
          p.setLong(1, base);
          for (int i = 2; i <= 5; i++) {
            p.setDate(i, Date.valueOf(day.date()));
          }
          records = p.executeUpdate();
        }
        int details;
        try (PreparedStatement p = db.prepareStatement(INSERT_DETAILS)) {
          p.setLong(1, base);
          details = p.executeUpdate();
        }
        if (records > 0) {
          s.execute("select setval('" + sequence + "', " + (base + records) + ")");
        }
        int events;
        try (PreparedStatement p = db.prepareStatement(INSERT_EVENTS)) {
          p.setDate(1, Date.valueOf(day.date()));
          p.setBoolean(2, day.working());
          p.setLong(3, di);
          events = p.executeUpdate();
        }
        try (PreparedStatement p =
            db.prepareStatement(
                "insert into event_number_counter (day, last_value) values (?, ?)"
                    + " on conflict (day) do update set last_value = excluded.last_value")) {
          p.setDate(1, Date.valueOf(day.date()));
          p.setInt(2, events);
          p.executeUpdate();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        record(name, seconds, records + " records, " + details + " details, " + events + " events");
        db.commit();
        loaded++;
        if (loaded % 10 == 1 || day.date().getDayOfMonth() == 1) {
          log(
              "%s (%s): %,d records, %,d details, %,d events in %.1f s; %d days loaded in %.0f s",
              day.date(),
              day.working() ? "working day" : "day off",
              records,
              details,
              events,
              seconds,
              loaded,
              (System.nanoTime() - started) / 1e9);
        }
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** Keys back, corrections, then the indexes and foreign keys, then VACUUM ANALYZE. */
  void finish() throws SQLException {
    restore("key");
    step("corrections", CORRECTIONS.formatted());
    restore("index");
    restore("foreign key");
    if (!done("vacuum-analyze")) {
      long start = System.nanoTime();
      try (Statement s = db.createStatement()) {
        s.execute("vacuum (analyze)");
      }
      record("vacuum-analyze", (System.nanoTime() - start) / 1e9, null);
      log("VACUUM ANALYZE: %.0f s", (System.nanoTime() - start) / 1e9);
    }
  }

  private void restore(String kind) throws SQLException {
    List<String[]> saved = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "select seq, name, create_sql from bench.saved_ddl where kind = ? order by seq")) {
      s.setString(1, kind);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          saved.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    for (String[] ddl : saved) {
      step("ddl:" + kind + " " + ddl[1], ddl[2]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // what was made

  /** Rows and bytes of a table and its indexes. */
  record TableSize(String table, long rows, long tableBytes, long indexBytes) {}

  static final List<String> REPORTED_TABLES =
      List.of(
          "work_record",
          "work_record_detail",
          "event",
          "special_person",
          "org_unit",
          "person",
          "appointment",
          "act_id_user",
          "act_id_membership");

  /** Counts rows exactly once, after the build (kept in {@code bench.step}). */
  void count() throws SQLException {
    if (done("count")) {
      return;
    }
    long start = System.nanoTime();
    StringBuilder info = new StringBuilder();
    try (Statement s = db.createStatement()) {
      for (String table : REPORTED_TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          info.append(table).append('=').append(rs.getLong(1)).append(';');
        }
      }
      try (ResultSet rs =
          s.executeQuery("select kind, count(*) from work_record group by kind order by 2 desc")) {
        while (rs.next()) {
          info.append("kind:").append(rs.getString(1)).append('=').append(rs.getLong(2));
          info.append(';');
        }
      }
    }
    record("count", (System.nanoTime() - start) / 1e9, info.toString());
  }

  Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    String info = info("count");
    if (info != null) {
      for (String part : info.split(";")) {
        if (!part.isBlank()) {
          String[] kv = part.split("=");
          counts.put(kv[0], Long.parseLong(kv[1]));
        }
      }
    }
    return counts;
  }

  List<TableSize> sizes() throws SQLException {
    Map<String, Long> counts = counts();
    List<TableSize> sizes = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      for (String table : REPORTED_TABLES) {
        try (ResultSet rs =
            s.executeQuery(
                "select pg_table_size('" + table + "'), pg_indexes_size('" + table + "')")) {
          rs.next();
          sizes.add(
              new TableSize(table, counts.getOrDefault(table, -1L), rs.getLong(1), rs.getLong(2)));
        }
      }
    }
    return sizes;
  }

  long databaseBytes() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Index name → bytes, for the work records. */
  Map<String, Long> indexSizes(String table) throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select indexrelid::regclass::text, pg_relation_size(indexrelid) from pg_index"
                    + " where indrelid = '"
                    + table
                    + "'::regclass order by 2 desc")) {
      while (rs.next()) {
        sizes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return sizes;
  }

  private void log(String format, Object... args) {
    System.out.println("[" + database + "] " + String.format(Locale.ROOT, format, args));
  }
}
