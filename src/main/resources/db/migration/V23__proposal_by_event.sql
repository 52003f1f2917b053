-- An event's proposals are looked up by its number: whether a late step's proposal is raised
-- already (each overdue job), the step's end (each late step accepted or handled), the event's
-- proposals. Without an index each of these read the whole table, which grows with every late
-- step of the province (issue 15, timer storm).
create index accountability_proposal_by_event on accountability_proposal (event_number);
