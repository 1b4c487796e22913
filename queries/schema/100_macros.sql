-- Small helpers every metric uses, defined once.

-- "Today" for metrics: the session variable giaoban_as_of when set (tests, reports pinned to a
-- date, GIAOBAN_AS_OF), else the real date.
CREATE OR REPLACE MACRO gb_today() AS coalesce(try_cast(getvariable('giaoban_as_of') AS DATE), current_date);

-- Days after the meeting when an item without its own deadline becomes overdue.
CREATE OR REPLACE MACRO gb_overdue_days() AS
    (SELECT coalesce(max(try_cast(value AS INTEGER)), 90) FROM build_info WHERE key = 'overdue_days');

-- First day of the month / quarter / half-year / year containing d.
CREATE OR REPLACE MACRO gb_period_start(d, grain) AS CAST(CASE grain
    WHEN 'month' THEN date_trunc('month', d)
    WHEN 'quarter' THEN date_trunc('quarter', d)
    WHEN 'half' THEN make_date(year(d), CASE WHEN month(d) <= 6 THEN 1 ELSE 7 END, 1)
    ELSE date_trunc('year', d) END AS DATE);

-- Short label of that period: 2024-05, 2024-Q3, 2024-H1, 2024.
CREATE OR REPLACE MACRO gb_period_label(d, grain) AS CASE grain
    WHEN 'month' THEN strftime(d, '%Y-%m')
    WHEN 'quarter' THEN CAST(year(d) AS VARCHAR) || '-Q' || CAST(quarter(d) AS VARCHAR)
    WHEN 'half' THEN CAST(year(d) AS VARCHAR) || '-H' || CASE WHEN month(d) <= 6 THEN '1' ELSE '2' END
    ELSE CAST(year(d) AS VARCHAR) END;

-- A recommendation is open until it is resolved, declined or explained (a definitive answer).
CREATE OR REPLACE MACRO gb_rec_open(status) AS status IN ('raised', 'referred', 'answered', 'in_progress');

-- Order of statuses recorded on the same day: the later stage wins.
CREATE OR REPLACE MACRO gb_rec_status_rank(status) AS CASE status
    WHEN 'raised' THEN 0 WHEN 'referred' THEN 1 WHEN 'answered' THEN 2 WHEN 'in_progress' THEN 3
    WHEN 'explained' THEN 4 WHEN 'declined' THEN 5 WHEN 'resolved' THEN 6 ELSE 0 END;

CREATE OR REPLACE MACRO gb_dir_status_rank(status) AS CASE status
    WHEN 'issued' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'cancelled' THEN 2 WHEN 'completed' THEN 3 ELSE 0 END;

-- Event ordering key: day number * 10 + stage.
CREATE OR REPLACE MACRO gb_event_key(d, rank) AS date_diff('day', DATE '1900-01-01', d) * 10 + rank;

-- Aging buckets of open items, in days since the meeting.
CREATE OR REPLACE MACRO gb_aging_bucket(days) AS CASE
    WHEN days <= 30 THEN '≤30' WHEN days <= 90 THEN '31–90' WHEN days <= 120 THEN '91–120' ELSE '>120' END;

-- The as-of date a metric macro was given, or today when it was given NULL.
CREATE OR REPLACE MACRO gb_asof(d) AS coalesce(CAST(d AS DATE), gb_today());
