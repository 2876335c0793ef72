-- A claim check looks for the values near a written number across the whole catalogue (ObservationService.near).
-- Without these it compared every version with every reading: 157 ms at 1M value versions (src/bench/plans-1M.txt).
-- With them, a number is an index range on the value, and a range an index range on its high end among the ranges.
create index observation_version_value on observation_version (value) where value is not null;
create index observation_version_range on observation_version (value_high) where value is null and value_high is not null;

-- A publication's count of citing values is read from its rows here; the primary key leads with the document.
create index document_publication_vintage_publication
    on document_publication_vintage (publication_id, document_id, release_seq);

-- V8's index for counting a publication's citations one by one; the count is no longer computed that way.
drop index citation_publication;
