-- where each value was read from (CELL, TEXT, FORMULA, TICK, OCR) and, for inexact readings, how sure
alter table field_value add column value_source varchar(20);
alter table field_value add column confidence decimal(5, 4);
