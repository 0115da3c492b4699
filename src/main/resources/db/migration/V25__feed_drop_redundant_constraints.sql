-- Contract step after V24, on the feed's outbox table (small: entries are purged once published).
-- feed_events_position_uk: replaced by V24's partial unique index feed_events_position_ux, which
-- keeps positions unique without an entry per unnumbered row.
-- feed_events_event_id_uk: no query looks an entry up by event_id, and the id is a random UUID
-- (122 random bits) made by the service: the index only guarded against a collision that does not
-- happen, at the price of a write to a random page of it on every insert. Consumers still
-- de-duplicate on eventId (delivery is at least once).
-- No release reads either constraint; dropping them takes the table's lock for a moment.
alter table feed_events drop constraint if exists feed_events_position_uk;
alter table feed_events drop constraint if exists feed_events_event_id_uk;
