-- What was known at an instant t is the versions with realtime_start <= t < realtime_end (an open end: still
-- current). Written as coalesce(realtime_end, 'infinity') > t, with this index the versions of an observation still
-- open at t are one index range, whatever t is: the latest answer reads one version per observation instead of every
-- version it ever had (ten per value in the 1M benchmark catalogue; src/bench/plans-1M.txt), and an asOf answer
-- reads only the versions that were current then or came later.
create index observation_version_as_of on observation_version (observation_id, (coalesce(realtime_end, 'infinity')));
