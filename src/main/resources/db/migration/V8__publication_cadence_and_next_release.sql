-- A primary publication may say how often it comes out and when the next edition is expected, as its publisher or
-- the documents state it, or as inferred with the reason: the release calendar (/v1/publications/calendar). Both are
-- optional; what no source says stays null, never guessed. Versioned like the rest of a publication's description.
alter table publication_version
    add column cadence                 text check (cadence in ('annual', 'semiannual', 'quarterly', 'monthly', 'irregular')),
    add column next_expected_date      text,
    add column next_expected_precision text,
    add column next_expected_basis     text check (next_expected_basis in ('stated', 'inferred', 'unknown')),
    add column next_expected_evidence  text;

-- How many current values cite a publication (/v1/publications) is counted from the citations naming it.
create index citation_publication on citation (publication_id) where publication_id is not null;
