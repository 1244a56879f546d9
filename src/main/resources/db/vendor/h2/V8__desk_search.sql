-- The desk finds a caller by the last digits of a phone number: a suffix LIKE cannot use an index, so the last
-- four digits are kept in a generated column that can (PostgreSQL needs the word STORED, which H2 refuses, hence one file per database).
alter table case_record add column reporter_phone_tail varchar(4)
    generated always as (right(replace(replace(reporter_phone, '-', ''), ' ', ''), 4));
create index ix_case_phone_tail on case_record (reporter_phone_tail);
create index ix_case_unit_created on case_record (unit_code, created_at);
create index ix_case_created on case_record (created_at);

alter table resident add column phone_tail varchar(4)
    generated always as (right(replace(replace(phone, '-', ''), ' ', ''), 4));
create index ix_resident_phone_tail on resident (phone_tail);
