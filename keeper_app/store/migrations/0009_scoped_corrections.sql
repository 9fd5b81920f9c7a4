-- Keeper schema 9: corrections scoped by case and duty (issue 14, point 1). The rule lives in
-- keeper_app/domain/corrections.py; a label correction is one corrections row per disc of the
-- pair and an incident's supplement is a corrections row with field 'supplement', so the
-- tables of schema 8 hold them as they are. The number is kept so that the schemas of the
-- issue's branches stay in the order they were planned: nothing changes in the file.
SELECT 1;
