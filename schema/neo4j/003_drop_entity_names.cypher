// Replaced by entity_name_keys: its English analyzer dropped stop words, so names such as "AS"
// could not be found.
DROP INDEX entity_names IF EXISTS;
