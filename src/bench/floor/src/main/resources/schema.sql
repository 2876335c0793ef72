-- Created by src/bench/benchmark.sh before the floor's measured starts (a warm restart: the schema is there).
create sequence if not exists observation_seq start with 1 increment by 50;
create table if not exists observation (id bigint primary key, geo text, period text, amount bigint not null);
insert into observation values (1, 'KR', '2020', 1609), (2, 'KR', '2023', 8579) on conflict do nothing;
