-- What the national method needs beyond the first contract, all optional on the wire:
-- procedures: whether the result is a paper document (default yes), eligibility for full online service
-- (NULL: when offered fully online), fees payable on the national portal;
-- events: the fees due at reception (0: waived), reuse of digitised data, the link with the personal data
-- store, VNeID authentication, where an online payment was made, and the applicant's feedback.
-- The SQL Server twin of this script is SqlServer/0008_NationalData.sql.
ALTER TABLE procedures ADD COLUMN paper_result INTEGER NOT NULL DEFAULT 1;
ALTER TABLE procedures ADD COLUMN full_online_eligible INTEGER NULL;
ALTER TABLE procedures ADD COLUMN online_payment_on_portal INTEGER NOT NULL DEFAULT 0;

ALTER TABLE dossier_events ADD COLUMN fee_amount INTEGER NULL;
ALTER TABLE dossier_events ADD COLUMN reused_digitised_data INTEGER NULL;
ALTER TABLE dossier_events ADD COLUMN from_personal_data_store INTEGER NULL;
ALTER TABLE dossier_events ADD COLUMN vneid_authenticated INTEGER NULL;
ALTER TABLE dossier_events ADD COLUMN paid_via TEXT NULL;
ALTER TABLE dossier_events ADD COLUMN satisfied INTEGER NULL;
