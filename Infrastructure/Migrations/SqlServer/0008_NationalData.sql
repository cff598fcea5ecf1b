-- What the national method needs beyond the first contract, all optional on the wire:
-- procedures: whether the result is a paper document (default yes), eligibility for full online service
-- (NULL: when offered fully online), fees payable on the national portal;
-- events: the fees due at reception (0: waived), reuse of digitised data, the link with the personal data
-- store, VNeID authentication, where an online payment was made, and the applicant's feedback.
-- The SQLite twin of this script is Sqlite/0008_NationalData.sql.
ALTER TABLE dbo.procedures ADD paper_result bit NOT NULL CONSTRAINT df_procedures_paper_result DEFAULT (1),
                               full_online_eligible bit NULL,
                               online_payment_on_portal bit NOT NULL CONSTRAINT df_procedures_payment_on_portal DEFAULT (0);

ALTER TABLE dbo.dossier_events ADD fee_amount bigint NULL,
                                   reused_digitised_data bit NULL,
                                   from_personal_data_store bit NULL,
                                   vneid_authenticated bit NULL,
                                   paid_via varchar(32) NULL,
                                   satisfied bit NULL;
