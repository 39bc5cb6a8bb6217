-- =====================================================================================================
-- Sirius stand-in: schema
--
-- The part of the Sirius `public` schema that the CasRec migration reads or writes, plus every table
-- those tables have foreign keys to, so the DDL is self-consistent. Column names, types, NOT NULLs,
-- non-NULL defaults, sequences (with their real settings), primary keys, foreign keys (real names and
-- ON DELETE actions), unique indexes, other indexes and the updateddate triggers follow the real
-- Sirius schema (a PostgreSQL 10 database). Two deliberate simplifications:
--   * `DEFAULT NULL` clauses are left out (a column without a default is NULL by default anyway);
--   * `documents` keeps only a few columns (see its comment).
-- The real schema has no CHECK constraints on these tables; Sirius validates reference data
-- ("refdata" columns such as persons.clientstatus) in the application, not in the database.
--
-- As in Sirius, primary keys have no DEFAULT nextval(...) (Sirius' ORM calls nextval itself;
-- visitor.id is the one exception). Every insert therefore gives an explicit id.
--
-- Run on an EMPTY database, e.g.
--     psql -v ON_ERROR_STOP=1 -1 -f schema.sql
-- The script has no BEGIN/COMMIT of its own and no statement that cannot run in a transaction block,
-- so it runs as one transaction under `psql -1`, inside a client transaction, or as one
-- multi-statement simple query (which PostgreSQL runs as a single implicit transaction).
-- Everything is created in schema `public`; all names are schema-qualified.
-- =====================================================================================================

-- uuid_generate_v4() is the default of documents.uuid (stock contrib extension, trusted in PG >= 13).
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

-- Sirius keeps updateddate current on assignees, cases, persons and phonenumbers with this trigger
-- function (see the triggers at the end). A migration UPDATE of a matched person therefore also
-- moves its updateddate to now().
CREATE FUNCTION public.trigger_set_timestamp() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updateddate = NOW();
    RETURN NEW;
END;
$$;

-- ====================================================================================================
-- Users and teams (assignees is single-table: type 'assignee_user' or 'assignee_team')
-- ====================================================================================================

-- assignees: Users and teams. Mapping defaults and lookups point here (added_by, createdbyuser_id, supervisioncaseowner_id, ...).
CREATE SEQUENCE public.assignees_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.assignees (
    id          integer NOT NULL,
    parent_id   integer,
    name        character varying(255) NOT NULL,
    type        character varying(255) NOT NULL,
    email       character varying(255),
    surname     character varying(255),
    roles       json,
    suspended   boolean DEFAULT false,
    groupname   character varying(255),
    phonenumber character varying(255),
    deleted     timestamp(0) without time zone,
    teamtype    character varying(255),
    updateddate timestamp(0) without time zone,
    permanent   boolean DEFAULT false,
    CONSTRAINT assignees_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_12c41edc727aca70 ON public.assignees (parent_id);
CREATE INDEX idx_assignees_user_search ON public.assignees (((((((name)::text || ' '::text) || (surname)::text) || ' '::text) || (email)::text)));
CREATE INDEX idx_email ON public.assignees (email);
CREATE INDEX idx_type ON public.assignees (type);

-- assignee_teams: Team membership: team_id = the team, assignablecomposite_id = the member.
CREATE TABLE public.assignee_teams (
    team_id                integer NOT NULL,
    assignablecomposite_id integer NOT NULL,
    CONSTRAINT assignee_teams_pkey PRIMARY KEY (team_id, assignablecomposite_id)
);
CREATE INDEX idx_f43d1bae296cd8ae ON public.assignee_teams (team_id);
CREATE INDEX idx_f43d1baeada694ac ON public.assignee_teams (assignablecomposite_id);

-- ====================================================================================================
-- People
-- ====================================================================================================

-- firm: Professional deputies' firms (persons.firm_id). Not written by the migration; present because persons references it.
CREATE SEQUENCE public.firm_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE SEQUENCE public.firm_number_seq START WITH 1000000 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.firm (
    id           integer NOT NULL,
    firmname     character varying(255) NOT NULL,
    addressline1 character varying(255),
    addressline2 character varying(255),
    addressline3 character varying(255),
    town         character varying(255),
    county       character varying(255),
    postcode     character varying(255),
    phonenumber  character varying(255),
    email        character varying(255),
    firmnumber   integer,
    piireceived  date,
    piiexpiry    date,
    piiamount    numeric(12,2),
    piirequested date,
    CONSTRAINT firm_pkey PRIMARY KEY (id)
);

-- persons: Clients (type 'actor_client', matched on caserecnumber), deputies ('actor_deputy', deputynumber) and LPA actors. uid: global_uid_seq payload + Luhn digit.
CREATE SEQUENCE public.persons_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE SEQUENCE public.deputy_number_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE SEQUENCE public.global_uid_seq START WITH 1 INCREMENT BY 3 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.persons (
    id                               integer NOT NULL,
    parent_id                        integer,
    email                            character varying(255),
    dob                              date,
    dateofdeath                      date,
    salutation                       character varying(255),
    firstname                        character varying(255),
    middlenames                      character varying(255),
    surname                          character varying(255),
    othernames                       character varying(255),
    correspondencebypost             boolean NOT NULL,
    correspondencebyphone            boolean NOT NULL,
    correspondencebyemail            boolean NOT NULL,
    occupation                       character varying(255),
    createddate                      timestamp(0) without time zone,
    uid                              bigint NOT NULL,
    type                             character varying(255) NOT NULL,
    lpa002signaturedate              date,
    dxnumber                         character varying(255),
    dxexchange                       character varying(255),
    lpapartcsignaturedate            date,
    companyname                      character varying(255),
    companynumber                    character varying(255),
    systemstatus                     boolean DEFAULT true,
    relationshiptodonor              character varying(255),
    isreplacementattorney            boolean DEFAULT false,
    istrustcorporation               boolean DEFAULT false,
    trustcorporationappointedas      character varying(255),
    signatoryone                     character varying(255),
    signatorytwo                     character varying(255),
    companyseal                      character varying(255),
    previousnames                    character varying(255),
    cannotsignform                   boolean,
    applyingforfeeremission          boolean,
    receivingbenefits                boolean,
    receiveddamageaward              boolean,
    haslowincome                     boolean,
    signaturedate                    date,
    haspreviouslpa                   boolean,
    notesforpreviouslpa              character varying(255),
    sageid                           character varying(255),
    noticegivendate                  date,
    certificateproviderstatementtype character varying(255),
    statement                        character varying(255),
    certificateproviderskills        character varying(255),
    fullname                         character varying(255),
    caserecnumber                    character varying(255),
    clientaccommodation              character varying(255),
    maritalstatus                    character varying(255),
    clientstatus                     character varying(255),
    statusdate                       date,
    deputyreferencenumber            character varying(255),
    deputycompliance                 character varying(255),
    relationshiptoclient             character varying(255),
    correspondencebywelsh            boolean DEFAULT false NOT NULL,
    medicalcondition                 text,
    interpreterrequired              character varying(255),
    mobilenumber                     character varying(15),
    countryofresidence               character varying(40),
    newsletter                       boolean DEFAULT false,
    specialcorrespondencerequirements_audiotape boolean DEFAULT false NOT NULL,
    specialcorrespondencerequirements_largeprint boolean DEFAULT false NOT NULL,
    specialcorrespondencerequirements_hearingimpaired boolean DEFAULT false NOT NULL,
    specialcorrespondencerequirements_spellingofnamerequirescare boolean DEFAULT false NOT NULL,
    client_id                        integer,
    companyreference                 character varying(255),
    feepayer_id                      integer,
    isorganisation                   boolean DEFAULT false,
    correspondencename               character varying(200),
    deputystatus                     character varying(255),
    casesmanagedashybrid             boolean DEFAULT false,
    deputytype                       character varying(255),
    supervisioncaseowner_id          integer,
    clientsource                     character varying(255),
    memorablephrase                  character varying(30),
    risk_score                       integer,
    caseactorgroup                   character varying(255),
    updateddate                      timestamp(0) without time zone,
    executor_id                      integer,
    deputycasrecid                   integer,
    organisationname                 character varying(255),
    organisationteamordepartmentname character varying(255),
    deputynumber                     integer,
    executivecasemanager_id          integer,
    deputysubtype                    character varying(255),
    firm_id                          integer,
    CONSTRAINT persons_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_a25cc7d319eb6921 ON public.persons (client_id);
CREATE INDEX idx_a25cc7d3727aca70 ON public.persons (parent_id);
CREATE INDEX idx_a25cc7d38432361e ON public.persons (supervisioncaseowner_id);
CREATE INDEX idx_a25cc7d389af7860 ON public.persons (firm_id);
CREATE INDEX idx_a25cc7d38abd09bb ON public.persons (executor_id);
CREATE INDEX idx_a25cc7d3aff282de ON public.persons (feepayer_id);
CREATE INDEX idx_a25cc7d3f1f88ffb ON public.persons (executivecasemanager_id);
CREATE INDEX idx_person_courtref ON public.persons (caserecnumber);
CREATE UNIQUE INDEX uniq_a25cc7d31baf174d ON public.persons (sageid);
CREATE UNIQUE INDEX uniq_a25cc7d3c61f22a4 ON public.persons (uid);

-- addresses: Client and deputy addresses; address_lines is a JSON array of strings.
CREATE SEQUENCE public.addresses_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.addresses (
    id                  integer NOT NULL,
    person_id           integer,
    address_lines       json,
    town                character varying(255),
    county              character varying(255),
    postcode            character varying(255),
    country             character varying(255),
    type                character varying(255),
    isairmailrequired   boolean,
    casrecaddressnumber integer,
    CONSTRAINT addresses_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_6fca7516217bbb47 ON public.addresses (person_id);

-- phonenumbers: Client and deputy phone numbers.
CREATE SEQUENCE public.phonenumbers_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.phonenumbers (
    id           integer NOT NULL,
    person_id    integer,
    phone_number character varying(255),
    type         character varying(255) NOT NULL,
    is_default   boolean NOT NULL,
    updateddate  timestamp(0) without time zone,
    CONSTRAINT phonenumbers_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_733c8e75217bbb47 ON public.phonenumbers (person_id);

-- death_notifications: At most one per person (unique index on person_id).
CREATE SEQUENCE public.death_notifications_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.death_notifications (
    id                           integer NOT NULL,
    person_id                    integer,
    proofofdeathreceived         boolean,
    datelettersentout            date,
    datedeathcertificatereceived date,
    datenotified                 date,
    notifiedby                   character varying(255),
    notifiedbyother              character varying(255),
    notificationmethod           character varying(255),
    notes                        text,
    CONSTRAINT death_notifications_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uniq_3795948b217bbb47 ON public.death_notifications (person_id);

-- ====================================================================================================
-- Cases: orders (casetype 'ORDER') and LPAs share one table
-- ====================================================================================================

-- cases: Orders (type 'order', casetype 'ORDER', caserecnumber = the client's CasRec case number) and LPA/EPA cases. uid shares global_uid_seq with persons.
CREATE SEQUENCE public.cases_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.cases (
    id                               integer NOT NULL,
    assignee_id                      integer,
    donor_id                         integer,
    correspondent_id                 integer,
    client_id                        integer,
    oldcaseid                        integer,
    applicationtype                  integer,
    title                            character varying(255),
    casetype                         character varying(255),
    casesubtype                      character varying(255),
    duedate                          date,
    registrationdate                 date,
    closeddate                       date,
    status                           character varying(255),
    rejecteddate                     timestamp(0) without time zone,
    caseattorneysingular             boolean DEFAULT false NOT NULL,
    caseattorneyjointlyandseverally  boolean DEFAULT false NOT NULL,
    caseattorneyjointly              boolean DEFAULT false NOT NULL,
    caseattorneyjointlyandjointlyandseverally boolean DEFAULT false NOT NULL,
    caseattorneyactionadditionalinfo boolean DEFAULT false NOT NULL,
    repeatapplication                boolean DEFAULT false NOT NULL,
    repeatapplicationreference       character varying(255),
    uid                              bigint NOT NULL,
    type                             character varying(255) NOT NULL,
    ascertained_by                   integer DEFAULT 1,
    lpadonorsignaturedate            date,
    lpadonorsignature                boolean,
    donorsignaturewitnessed          boolean DEFAULT false,
    lpadonorsignatoryfullname        character varying(255),
    donorhaspreviouslpas             boolean DEFAULT false,
    previouslpainfo                  text,
    applicantsignaturedate           date,
    applicantsignatoryfullname       character varying(255),
    createddate                      timestamp(0) without time zone,
    lifesustainingtreatment          character varying(255),
    lifesustainingtreatmentsignaturedatea date,
    lifesustainingtreatmentsignaturedateb date,
    trustcorporationsignedas         integer DEFAULT 1,
    hasrelativetonotice              boolean DEFAULT false,
    areallattorneysapplyingtoregister boolean DEFAULT false,
    epadonorsignaturedate            date,
    epadonornoticegivendate          date,
    donorhasotherepas                boolean DEFAULT false,
    otherepainfo                     text,
    usesnotifiedpersons              boolean DEFAULT false,
    nonoticegiven                    boolean DEFAULT false,
    notifiedpersonpermissionby       integer DEFAULT 1,
    paymentbydebitcreditcard         integer DEFAULT 0,
    paymentbycheque                  integer DEFAULT 0,
    haveappliedforfeeremission       integer DEFAULT 0,
    cardpaymentcontact               text,
    howattorneysact                  character varying(255),
    howreplacementattorneysact       character varying(255),
    attorneyactdecisions             character varying(255),
    replacementattorneyactdecisions  character varying(255),
    replacementorder                 text,
    additionalinfo                   text,
    anyotherinfo                     boolean DEFAULT false,
    additionalinfodonorsignature     boolean DEFAULT false,
    additionalinfodonorsignaturedate date,
    paymentid                        character varying(255),
    paymentamount                    character varying(255),
    paymentdate                      date,
    paymentremission                 integer DEFAULT 0,
    paymentexemption                 integer DEFAULT 0,
    attorneypartydeclaration         integer DEFAULT 1,
    attorneyapplicationassertion     integer DEFAULT 1,
    attorneymentalactpermission      integer DEFAULT 1,
    attorneydeclarationsignaturedate date,
    attorneydeclarationsignature     boolean,
    attorneydeclarationsignaturewitness boolean DEFAULT false,
    attorneydeclarationsignatoryfullname character varying(255),
    correspondentcomplianceassertion integer DEFAULT 1,
    notificationdate                 date,
    dispatchdate                     date,
    cancellationdate                 date,
    applicantsdeclaration            integer DEFAULT 1,
    applicantsdeclarationsignaturedate date,
    applicationhasrestrictions       boolean,
    applicationhasguidance           boolean,
    applicationhascharges            boolean DEFAULT false,
    certificateprovidersignaturedate date,
    certificateprovidersignature     boolean,
    attorneystatementdate            date,
    signingonbehalfdate              date,
    signingonbehalffullname          character varying(255),
    noticegivendate                  date,
    orderdate                        date,
    orderissuedate                   date,
    securitybond                     boolean DEFAULT false,
    bondreferencenumber              character varying(255),
    bondvalue                        double precision,
    orderstatus                      character varying(255),
    statusdate                       date,
    caserecnumber                    character varying(255),
    filelocationdescription          character varying(255),
    feepayer_id                      integer,
    paymentpostponement              integer DEFAULT 0,
    invaliddate                      date,
    withdrawndate                    date,
    revokeddate                      date,
    receiptdate                      timestamp(0) without time zone,
    batchid                          character varying(255),
    howdeputyappointed               character varying(255),
    onlinelpaid                      character varying(12),
    orderstatusnotes                 text,
    orderexpirydate                  date,
    orderclosurereason               character varying(255),
    ordersubtype                     character varying(255),
    ordernotes                       text,
    updateddate                      timestamp(0) without time zone,
    clauseexpirydate                 timestamp(0) without time zone,
    madeactivedate                   date,
    workeddate                       date,
    CONSTRAINT cases_pkey PRIMARY KEY (id)
);
CREATE INDEX cases_onlinelpaid_idx ON public.cases (onlinelpaid);
CREATE INDEX cases_orderstatus_index ON public.cases (orderstatus);
CREATE INDEX cases_status_index ON public.cases (status);
CREATE INDEX idx_1c1b038b19eb6921 ON public.cases (client_id);
CREATE INDEX idx_1c1b038b2071082d ON public.cases (correspondent_id);
CREATE INDEX idx_1c1b038b3dd7b7a7 ON public.cases (donor_id);
CREATE INDEX idx_1c1b038b59ec7d60 ON public.cases (assignee_id);
CREATE INDEX idx_1c1b038baff282de ON public.cases (feepayer_id);
CREATE INDEX idx_case_courtref ON public.cases (caserecnumber);
CREATE UNIQUE INDEX uniq_1c1b038bc61f22a4 ON public.cases (uid);

-- person_caseitem: Links persons to cases (client -> order, donor -> LPA).
CREATE TABLE public.person_caseitem (
    person_id   integer NOT NULL,
    caseitem_id integer NOT NULL,
    CONSTRAINT person_caseitem_pkey PRIMARY KEY (person_id, caseitem_id)
);
CREATE INDEX idx_60fae707217bbb47 ON public.person_caseitem (person_id);
CREATE INDEX idx_60fae70742b2f274 ON public.person_caseitem (caseitem_id);

-- order_deputy: Deputies on an order.
CREATE SEQUENCE public.order_deputy_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.order_deputy (
    order_id             integer,
    deputy_id            integer,
    id                   integer NOT NULL,
    deputytype           character varying(255),
    statusoncase         character varying(255),
    relationshiptoclient character varying(255),
    relationshipother    character varying(255),
    maincorrespondent    boolean,
    statusoncaseoverride character varying(255),
    statuschangedate     timestamp(0) without time zone,
    statusnotes          text,
    CONSTRAINT order_deputy_id_pk PRIMARY KEY (id)
);
CREATE INDEX idx_eb757b4a4b6f93bb ON public.order_deputy (deputy_id);
CREATE INDEX idx_eb757b4a8d9f6d38 ON public.order_deputy (order_id);

-- supervision_level_log: Supervision level history per order.
CREATE SEQUENCE public.supervision_level_log_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.supervision_level_log (
    id               integer NOT NULL,
    order_id         integer,
    appliesfrom      date NOT NULL,
    createddate      timestamp(0) without time zone,
    supervisionlevel character varying(255),
    notes            text NOT NULL,
    assetlevel       character varying(255),
    CONSTRAINT supervision_level_log_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_c04f2e9c8d9f6d38 ON public.supervision_level_log (order_id);

-- bond_providers: Bond companies; bonds.bond_provider_id and the bond provider lookup point here.
CREATE SEQUENCE public.bond_providers_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.bond_providers (
    id              integer NOT NULL,
    name            character varying(255) NOT NULL,
    oneoffvalue     numeric(12,2),
    telephonenumber character varying(255),
    emailaddress    character varying(255),
    webaddress      character varying(255),
    uid             character varying(255),
    CONSTRAINT bond_providers_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uniq_f8d67af8539b0606 ON public.bond_providers (uid);

-- bonds: Security bonds on orders. (The mappings also name a column renewaldateofbond, which Sirius does not have.)
CREATE SEQUENCE public.bonds_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.bonds (
    id                     integer NOT NULL,
    order_id               integer,
    bondreferencenumber    character varying(255),
    requiredbondamount     numeric(12,2),
    bondamounttaken        numeric(12,2),
    dischargedate          date,
    dispensedreason        character varying(255),
    registeredonsystemdate date,
    status                 character varying(255),
    bond_provider_id       integer,
    bondcompanyname        character varying(255),
    CONSTRAINT bonds_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_cc415c6a8d9f6d38 ON public.bonds (order_id);
CREATE INDEX idx_cc415c6ae2dbd395 ON public.bonds (bond_provider_id);

-- ====================================================================================================
-- Warnings, notes, visits
-- ====================================================================================================

-- warnings
CREATE SEQUENCE public.warnings_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.warnings (
    id           integer NOT NULL,
    added_by     integer,
    closed_by    integer,
    warningtype  character varying(255),
    warningtext  text,
    dateadded    timestamp(0) without time zone,
    dateclosed   timestamp(0) without time zone,
    systemstatus boolean DEFAULT true NOT NULL,
    CONSTRAINT warnings_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_6949e612699b6baf ON public.warnings (added_by);
CREATE INDEX idx_6949e61288f6e01 ON public.warnings (closed_by);

-- person_warning
CREATE TABLE public.person_warning (
    person_id  integer NOT NULL,
    warning_id integer NOT NULL,
    CONSTRAINT person_warning_pkey PRIMARY KEY (person_id, warning_id)
);
CREATE INDEX idx_62d02f4f217bbb47 ON public.person_warning (person_id);
CREATE INDEX idx_62d02f4fbff38603 ON public.person_warning (warning_id);

-- uploads: Upload batches (notes.upload_id). Not written by the migration.
CREATE SEQUENCE public.uploads_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.uploads (
    id         integer NOT NULL,
    filename   character varying(255) NOT NULL,
    uploaddate date NOT NULL,
    type       character varying(255) NOT NULL,
    CONSTRAINT uploads_pkey PRIMARY KEY (id)
);

-- documents: MINIMAL: the real table is the large document subsystem (36 columns, FKs to persons, assignees, tasks). Only the primary key and a few identifying columns are kept, so the FKs from notes, supervision_notes and annual_report_logs hold.
CREATE SEQUENCE public.documents_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.documents (
    id                  integer NOT NULL,
    type                character varying(255),
    title               character varying(255),
    createddate         timestamp(0) without time zone,
    filename            text,
    correspondence_type character varying(255) NOT NULL,
    uuid                uuid DEFAULT public.uuid_generate_v4(),
    CONSTRAINT documents_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uniq_a2b07288d17f50a6 ON public.documents (uuid);

-- notes: The generic Sirius notes table. It has no person_id or notetype: the client/deputy remarks mappings (table_name 'notes') really load supervision_notes.
CREATE SEQUENCE public.notes_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.notes (
    id               integer NOT NULL,
    sourceid         integer,
    sourcetable      character varying(255),
    type             character varying(255) NOT NULL,
    status           character varying(255),
    description      text,
    name             character varying(255),
    createdtime      timestamp(0) without time zone NOT NULL,
    createdbyuser_id integer,
    upload_id        integer,
    document_id      integer,
    direction        character varying(255),
    subtype          character varying(255),
    CONSTRAINT notes_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_11ba68ccccfba31 ON public.notes (upload_id);
CREATE INDEX idx_11ba68ce1f44b34 ON public.notes (createdbyuser_id);
CREATE UNIQUE INDEX uniq_11ba68cc33f7837 ON public.notes (document_id);

-- person_note
CREATE TABLE public.person_note (
    person_id integer NOT NULL,
    note_id   integer NOT NULL,
    CONSTRAINT person_note_pkey PRIMARY KEY (person_id, note_id)
);
CREATE INDEX idx_455b7e3f217bbb47 ON public.person_note (person_id);
CREATE INDEX idx_455b7e3f26ed0855 ON public.person_note (note_id);

-- supervision_notes: Client and deputy remarks (CasRec REMARKS / DEPUTY_REMARKS) land here.
CREATE SEQUENCE public.supervision_notes_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.supervision_notes (
    id                          integer NOT NULL,
    person_id                   integer,
    type                        character varying(255),
    notetype                    character varying(255) NOT NULL,
    description                 text NOT NULL,
    name                        character varying(255),
    createdtime                 timestamp(0) without time zone NOT NULL,
    direction                   character varying(255),
    createdbyuser_id            integer,
    source_note_id              integer,
    source_task_id              integer,
    source_annualreportlog_id   integer,
    source_deathnotification_id integer,
    source_document_id          integer,
    source_warning_id           integer,
    source_clientriskscore_id   integer,
    source_order_id             integer,
    CONSTRAINT supervision_notes_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_6a8713b3217bbb47 ON public.supervision_notes (person_id);
CREATE INDEX idx_6a8713b34f0c9707 ON public.supervision_notes (source_annualreportlog_id);
CREATE INDEX idx_6a8713b38e9e9ad7 ON public.supervision_notes (source_deathnotification_id);
CREATE INDEX idx_6a8713b3c469b9ee ON public.supervision_notes (source_task_id);
CREATE INDEX idx_6a8713b3cebf5bea ON public.supervision_notes (source_order_id);
CREATE INDEX idx_6a8713b3e1f44b34 ON public.supervision_notes (createdbyuser_id);
CREATE INDEX idx_6a8713b3f910f938 ON public.supervision_notes (source_clientriskscore_id);
CREATE INDEX idx_6a8713b3ff402897 ON public.supervision_notes (source_document_id);
CREATE INDEX idx_supervisionnote_createdtime ON public.supervision_notes (createdtime);
CREATE UNIQUE INDEX uniq_6a8713b36f32b03d ON public.supervision_notes (source_note_id);
CREATE UNIQUE INDEX uniq_6a8713b3c347f727 ON public.supervision_notes (source_warning_id);

-- visitor: The only table here whose id has a sequence default.
CREATE SEQUENCE public.visitor_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.visitor (
    id   integer DEFAULT nextval('public.visitor_id_seq'::regclass) NOT NULL,
    name character varying(255),
    CONSTRAINT visitor_pkey PRIMARY KEY (id)
);

-- visits
CREATE SEQUENCE public.visits_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.visits (
    id                               integer NOT NULL,
    client_id                        integer,
    visittype                        character varying(255),
    visitduedate                     timestamp(0) without time zone,
    visitcreateddate                 timestamp(0) without time zone,
    visitreportduedate               timestamp(0) without time zone,
    visitoutcome                     character varying(255),
    visitcompleteddate               timestamp(0) without time zone,
    visitreportreceiveddate          timestamp(0) without time zone,
    visitreportmarkedas              character varying(255),
    visitreportrevieweddate          timestamp(0) without time zone,
    visitvisitorallocated            character varying(255),
    visitcancellationreason          character varying(255),
    visitcommissiondate              timestamp(0) without time zone,
    firstextendedvisitreportduedate  timestamp(0) without time zone,
    secondextendedvisitreportduedate timestamp(0) without time zone,
    visitsubtype                     character varying(255),
    visiturgency                     character varying(255),
    whotovisit                       character varying(255),
    CONSTRAINT visits_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_444839ea19eb6921 ON public.visits (client_id);

-- ====================================================================================================
-- Reporting and scheduled events
-- ====================================================================================================

-- annual_report_logs
CREATE SEQUENCE public.annual_report_logs_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.annual_report_logs (
    id                          integer NOT NULL,
    duedate                     date NOT NULL,
    reportingperiodenddate      date NOT NULL,
    revisedduedate              date,
    numberofchaseletters        integer NOT NULL,
    lodgingchecklistdocument_id integer,
    reportingperiodstartdate    date NOT NULL,
    client_id                   integer NOT NULL,
    status                      character varying(255),
    receiveddate                date,
    abandoneddate               date,
    reasonforabandonment        text,
    casesupervisionlevel        character varying(255),
    reviewstatus                character varying(255),
    reasonforreviewstatuschange text,
    reviewdecision              character varying(255),
    reasonforfinaldecision      text,
    reviewdate                  date,
    order_id                    integer,
    reviewedby_id               integer,
    randomreviewdate            date,
    CONSTRAINT annual_report_logs_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_520b53a319eb6921 ON public.annual_report_logs (client_id);
CREATE INDEX idx_520b53a38d9f6d38 ON public.annual_report_logs (order_id);
CREATE INDEX idx_520b53a39c6a92e ON public.annual_report_logs (reviewedby_id);
CREATE INDEX idx_annualreportlogs_unsent_rd ON public.annual_report_logs (reportingperiodenddate, status);
CREATE INDEX idx_annualreportlogs_unsent_rr ON public.annual_report_logs (duedate, status);
CREATE UNIQUE INDEX uniq_520b53a3f44cb9c3 ON public.annual_report_logs (lodgingchecklistdocument_id);

-- annual_report_lodging_details: At most one per report log (unique index on annual_report_log_id).
CREATE SEQUENCE public.annual_report_lodging_details_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.annual_report_lodging_details (
    id                        integer NOT NULL,
    annual_report_log_id      integer,
    digidepsreport            boolean,
    deadlinedate              date,
    reasonfordetermination    text,
    datereportlodged          date,
    lodgedstatus              character varying(255),
    bankstatementsreceived    boolean,
    resubmitteddate           date,
    bankstatementdeadlinedate date,
    lodgedby_id               integer,
    CONSTRAINT annual_report_lodging_details_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_c940c5482deb45f7 ON public.annual_report_lodging_details (lodgedby_id);
CREATE INDEX idx_lodgingdetail_unsent_bs ON public.annual_report_lodging_details (bankstatementdeadlinedate, bankstatementsreceived);
CREATE INDEX idx_lodgingdetail_unsent_ri ON public.annual_report_lodging_details (deadlinedate, resubmitteddate);
CREATE UNIQUE INDEX uniq_c940c548f92665bb ON public.annual_report_lodging_details (annual_report_log_id);

-- annual_report_type_assignments
CREATE SEQUENCE public.annual_report_type_assignments_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.annual_report_type_assignments (
    id                 integer NOT NULL,
    reporttype         character varying(255),
    reporttypeoverride character varying(255),
    type               character varying(255) NOT NULL,
    annualreport_id    integer,
    CONSTRAINT annual_report_type_assignments_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_c076a82ed4f67a27 ON public.annual_report_type_assignments (annualreport_id);

-- scheduled_events
CREATE SEQUENCE public.scheduled_events_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.scheduled_events (
    id               integer NOT NULL,
    dueby            timestamp(0) without time zone NOT NULL,
    event            json NOT NULL,
    processed        boolean NOT NULL,
    processedmessage character varying(255),
    correlationid    uuid,
    version          integer NOT NULL,
    CONSTRAINT scheduled_events_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uniq_ff79d35340f1812b ON public.scheduled_events (correlationid);

-- ====================================================================================================
-- Tasks and timeline
-- ====================================================================================================

-- tasks
CREATE SEQUENCE public.tasks_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.tasks (
    id             integer NOT NULL,
    assignee_id    integer,
    type           character varying(255),
    systemtype     integer,
    status         character varying(255),
    priority       character varying(255),
    duedate        timestamp(0) without time zone,
    activedate     timestamp(0) without time zone,
    name           character varying(255),
    description    text,
    completeddate  timestamp(0) without time zone,
    createdtime    timestamp(0) without time zone NOT NULL,
    caseownertask  boolean,
    completedby_id integer,
    CONSTRAINT tasks_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_5058659752818a27 ON public.tasks (completedby_id);
CREATE INDEX idx_5058659759ec7d60 ON public.tasks (assignee_id);
CREATE INDEX idx_activedate ON public.tasks (activedate);
CREATE INDEX idx_case_owner ON public.tasks (caseownertask);
CREATE INDEX idx_completeddate ON public.tasks (completeddate);
CREATE INDEX idx_createdtime ON public.tasks (createdtime);
CREATE INDEX idx_duedate ON public.tasks (duedate);
CREATE INDEX idx_status ON public.tasks (status);

-- person_task
CREATE TABLE public.person_task (
    person_id integer NOT NULL,
    task_id   integer NOT NULL,
    CONSTRAINT person_task_pkey PRIMARY KEY (person_id, task_id)
);
CREATE INDEX idx_d8985f0e217bbb47 ON public.person_task (person_id);
CREATE INDEX idx_d8985f0e8db60186 ON public.person_task (task_id);

-- caseitem_task
CREATE TABLE public.caseitem_task (
    caseitem_id integer NOT NULL,
    task_id     integer NOT NULL,
    CONSTRAINT caseitem_task_pkey PRIMARY KEY (caseitem_id, task_id)
);
CREATE INDEX idx_23f3a0c342b2f274 ON public.caseitem_task (caseitem_id);
CREATE INDEX idx_23f3a0c38db60186 ON public.caseitem_task (task_id);

-- timeline_event
CREATE SEQUENCE public.timeline_event_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.timeline_event (
    id          integer NOT NULL,
    user_id     integer,
    "timestamp" timestamp(0) without time zone NOT NULL,
    eventtype   character varying(255) NOT NULL,
    event       json NOT NULL,
    CONSTRAINT timeline_event_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_1bc087e1a76ed395 ON public.timeline_event (user_id);
CREATE INDEX idx_timeline_event_eventtype ON public.timeline_event (eventtype);

-- person_timeline
CREATE SEQUENCE public.person_timeline_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.person_timeline (
    id               integer NOT NULL,
    person_id        integer,
    timelineevent_id integer,
    CONSTRAINT person_timeline_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_d2b86351217bbb47 ON public.person_timeline (person_id);
CREATE INDEX idx_d2b86351c9e35cd0 ON public.person_timeline (timelineevent_id);

-- ====================================================================================================
-- Finance
-- ====================================================================================================

-- finance_person: One billing account per client (person_id).
CREATE SEQUENCE public.finance_person_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_person (
    id                        integer NOT NULL,
    person_id                 integer,
    finance_billing_reference text NOT NULL,
    payment_method            character varying(255) NOT NULL,
    batchnumber               integer,
    phoenix_reference         text,
    CONSTRAINT finance_person_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_finance_person_batch_number ON public.finance_person (batchnumber);

-- finance_remission_exemption
CREATE SEQUENCE public.finance_remission_exemption_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_remission_exemption (
    id                integer NOT NULL,
    finance_person_id integer,
    discounttype      character varying(255) NOT NULL,
    evidencetype      character varying(255),
    startdate         date NOT NULL,
    enddate           date NOT NULL,
    notes             text NOT NULL,
    deleted           boolean DEFAULT false NOT NULL,
    CONSTRAINT finance_remission_exemption_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_6ab78de42ac816b ON public.finance_remission_exemption (finance_person_id);

-- finance_invoice: reference is unique.
CREATE SEQUENCE public.finance_invoice_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_invoice (
    id                             integer NOT NULL,
    person_id                      integer,
    finance_person_id              integer,
    feetype                        text NOT NULL,
    reference                      character varying(50) NOT NULL,
    startdate                      date NOT NULL,
    enddate                        date NOT NULL,
    amount                         integer NOT NULL,
    supervisionlevel               character varying(255),
    finance_remission_exemption_id integer,
    confirmeddate                  date,
    batchnumber                    integer,
    raiseddate                     date,
    source                         character varying(20),
    CONSTRAINT finance_invoice_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_7df7fbe042ac816b ON public.finance_invoice (finance_person_id);
CREATE INDEX idx_7df7fbe047b45492 ON public.finance_invoice (finance_remission_exemption_id);
CREATE INDEX idx_finance_index_batch_number ON public.finance_invoice (batchnumber);
CREATE UNIQUE INDEX uniq_7df7fbe0aea34913 ON public.finance_invoice (reference);

-- finance_ledger: reference is unique.
CREATE SEQUENCE public.finance_ledger_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_ledger (
    id                             integer NOT NULL,
    reference                      character varying(50) NOT NULL,
    datetime                       timestamp(0) without time zone NOT NULL,
    method                         character varying(100) NOT NULL,
    amount                         numeric(12,2) NOT NULL,
    notes                          text,
    type                           character varying(255) NOT NULL,
    status                         character varying(255) NOT NULL,
    finance_person_id              integer,
    parent_id                      integer,
    finance_remission_exemption_id integer,
    confirmeddate                  date,
    bankdate                       date,
    batchnumber                    integer,
    isfeewaiver                    boolean DEFAULT false,
    bankaccount                    character varying(255),
    source                         character varying(20),
    line                           integer,
    CONSTRAINT finance_ledger_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_ea14203c42ac816b ON public.finance_ledger (finance_person_id);
CREATE INDEX idx_ea14203c47b45492 ON public.finance_ledger (finance_remission_exemption_id);
CREATE INDEX idx_ea14203c727aca70 ON public.finance_ledger (parent_id);
CREATE INDEX idx_finance_ledger_batch_number ON public.finance_ledger (batchnumber);
CREATE UNIQUE INDEX uniq_ea14203caea34913 ON public.finance_ledger (reference);

-- finance_ledger_allocation: reference is unique.
CREATE SEQUENCE public.finance_ledger_allocation_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_ledger_allocation (
    id              integer NOT NULL,
    ledger_entry_id integer,
    invoice_id      integer,
    datetime        timestamp(0) without time zone NOT NULL,
    amount          numeric(12,2) NOT NULL,
    status          character varying(255) NOT NULL,
    reference       character varying(25),
    notes           text,
    allocateddate   date,
    batchnumber     integer,
    source          character varying(20),
    CONSTRAINT finance_ledger_allocation_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_b11e238d2989f1fd ON public.finance_ledger_allocation (invoice_id);
CREATE INDEX idx_b11e238deb264cb8 ON public.finance_ledger_allocation (ledger_entry_id);
CREATE INDEX idx_finance_ledger_allocation_batch_number ON public.finance_ledger_allocation (batchnumber);
CREATE UNIQUE INDEX uniq_b11e238daea34913 ON public.finance_ledger_allocation (reference);

-- finance_order
CREATE SEQUENCE public.finance_order_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_order (
    id                 integer NOT NULL,
    finance_person_id  integer,
    order_id           integer,
    billing_start_date date NOT NULL,
    CONSTRAINT finance_order_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_f586876342ac816b ON public.finance_order (finance_person_id);

-- finance_counter: Named counters (batch numbers); key is unique.
CREATE SEQUENCE public.finance_counter_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.finance_counter (
    id      integer NOT NULL,
    key     character varying(50) NOT NULL,
    counter integer NOT NULL,
    CONSTRAINT finance_counter_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_finance_counter_key ON public.finance_counter (key);
CREATE UNIQUE INDEX uniq_2cb078dc8a90aba9 ON public.finance_counter (key);

-- ====================================================================================================
-- Foreign keys (added after all tables so that table order does not matter)
-- ====================================================================================================

ALTER TABLE public.assignees ADD CONSTRAINT fk_12c41edc727aca70 FOREIGN KEY (parent_id) REFERENCES public.assignees(id);

ALTER TABLE public.assignee_teams ADD CONSTRAINT fk_f43d1bae296cd8ae FOREIGN KEY (team_id) REFERENCES public.assignees(id) ON DELETE CASCADE;
ALTER TABLE public.assignee_teams ADD CONSTRAINT fk_f43d1baeada694ac FOREIGN KEY (assignablecomposite_id) REFERENCES public.assignees(id) ON DELETE CASCADE;

ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d319eb6921 FOREIGN KEY (client_id) REFERENCES public.persons(id);
ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d3727aca70 FOREIGN KEY (parent_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d38432361e FOREIGN KEY (supervisioncaseowner_id) REFERENCES public.assignees(id) ON DELETE CASCADE;
ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d389af7860 FOREIGN KEY (firm_id) REFERENCES public.firm(id);
ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d3aff282de FOREIGN KEY (feepayer_id) REFERENCES public.persons(id);
ALTER TABLE public.persons ADD CONSTRAINT fk_a25cc7d3f1f88ffb FOREIGN KEY (executivecasemanager_id) REFERENCES public.assignees(id) ON DELETE CASCADE;
ALTER TABLE public.persons ADD CONSTRAINT fk_cj3jdsvrl9l5wze8 FOREIGN KEY (executor_id) REFERENCES public.persons(id);

ALTER TABLE public.addresses ADD CONSTRAINT fk_6fca7516217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;

ALTER TABLE public.phonenumbers ADD CONSTRAINT fk_733c8e75217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;

ALTER TABLE public.death_notifications ADD CONSTRAINT fk_3795948b217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;

ALTER TABLE public.cases ADD CONSTRAINT fk_1c1b038b19eb6921 FOREIGN KEY (client_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.cases ADD CONSTRAINT fk_1c1b038b2071082d FOREIGN KEY (correspondent_id) REFERENCES public.persons(id);
ALTER TABLE public.cases ADD CONSTRAINT fk_1c1b038b3dd7b7a7 FOREIGN KEY (donor_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.cases ADD CONSTRAINT fk_1c1b038b59ec7d60 FOREIGN KEY (assignee_id) REFERENCES public.assignees(id) ON DELETE CASCADE;
ALTER TABLE public.cases ADD CONSTRAINT fk_1c1b038baff282de FOREIGN KEY (feepayer_id) REFERENCES public.persons(id);

ALTER TABLE public.person_caseitem ADD CONSTRAINT fk_60fae707217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.person_caseitem ADD CONSTRAINT fk_60fae70742b2f274 FOREIGN KEY (caseitem_id) REFERENCES public.cases(id) ON DELETE CASCADE;

ALTER TABLE public.order_deputy ADD CONSTRAINT fk_eb757b4a4b6f93bb FOREIGN KEY (deputy_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.order_deputy ADD CONSTRAINT fk_eb757b4a8d9f6d38 FOREIGN KEY (order_id) REFERENCES public.cases(id) ON DELETE CASCADE;

ALTER TABLE public.supervision_level_log ADD CONSTRAINT fk_c04f2e9c8d9f6d38 FOREIGN KEY (order_id) REFERENCES public.cases(id) ON DELETE CASCADE;

ALTER TABLE public.bonds ADD CONSTRAINT fk_cc415c6a8d9f6d38 FOREIGN KEY (order_id) REFERENCES public.cases(id);
ALTER TABLE public.bonds ADD CONSTRAINT fk_cc415c6ae2dbd395 FOREIGN KEY (bond_provider_id) REFERENCES public.bond_providers(id);

ALTER TABLE public.warnings ADD CONSTRAINT fk_6949e612699b6baf FOREIGN KEY (added_by) REFERENCES public.assignees(id) ON DELETE CASCADE;
ALTER TABLE public.warnings ADD CONSTRAINT fk_6949e61288f6e01 FOREIGN KEY (closed_by) REFERENCES public.assignees(id) ON DELETE CASCADE;

ALTER TABLE public.person_warning ADD CONSTRAINT fk_62d02f4f217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.person_warning ADD CONSTRAINT fk_62d02f4fbff38603 FOREIGN KEY (warning_id) REFERENCES public.warnings(id) ON DELETE CASCADE;

ALTER TABLE public.notes ADD CONSTRAINT fk_11ba68cc33f7837 FOREIGN KEY (document_id) REFERENCES public.documents(id) ON DELETE CASCADE;
ALTER TABLE public.notes ADD CONSTRAINT fk_11ba68ccccfba31 FOREIGN KEY (upload_id) REFERENCES public.uploads(id);
ALTER TABLE public.notes ADD CONSTRAINT fk_11ba68ce1f44b34 FOREIGN KEY (createdbyuser_id) REFERENCES public.assignees(id);

ALTER TABLE public.person_note ADD CONSTRAINT fk_455b7e3f217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.person_note ADD CONSTRAINT fk_455b7e3f26ed0855 FOREIGN KEY (note_id) REFERENCES public.notes(id) ON DELETE CASCADE;

ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b34f0c9707 FOREIGN KEY (source_annualreportlog_id) REFERENCES public.annual_report_logs(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b36f32b03d FOREIGN KEY (source_note_id) REFERENCES public.notes(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b38e9e9ad7 FOREIGN KEY (source_deathnotification_id) REFERENCES public.death_notifications(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3c347f727 FOREIGN KEY (source_warning_id) REFERENCES public.warnings(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3c469b9ee FOREIGN KEY (source_task_id) REFERENCES public.tasks(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3cebf5bea FOREIGN KEY (source_order_id) REFERENCES public.cases(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3e1f44b34 FOREIGN KEY (createdbyuser_id) REFERENCES public.assignees(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3f910f938 FOREIGN KEY (source_clientriskscore_id) REFERENCES public.persons(id);
ALTER TABLE public.supervision_notes ADD CONSTRAINT fk_6a8713b3ff402897 FOREIGN KEY (source_document_id) REFERENCES public.documents(id);

ALTER TABLE public.visits ADD CONSTRAINT fk_444839ea19eb6921 FOREIGN KEY (client_id) REFERENCES public.persons(id);

ALTER TABLE public.annual_report_logs ADD CONSTRAINT fk_520b53a319eb6921 FOREIGN KEY (client_id) REFERENCES public.persons(id);
ALTER TABLE public.annual_report_logs ADD CONSTRAINT fk_520b53a38d9f6d38 FOREIGN KEY (order_id) REFERENCES public.cases(id);
ALTER TABLE public.annual_report_logs ADD CONSTRAINT fk_520b53a39c6a92e FOREIGN KEY (reviewedby_id) REFERENCES public.assignees(id);
ALTER TABLE public.annual_report_logs ADD CONSTRAINT fk_520b53a3f44cb9c3 FOREIGN KEY (lodgingchecklistdocument_id) REFERENCES public.documents(id);

ALTER TABLE public.annual_report_lodging_details ADD CONSTRAINT fk_c940c5482deb45f7 FOREIGN KEY (lodgedby_id) REFERENCES public.assignees(id);
ALTER TABLE public.annual_report_lodging_details ADD CONSTRAINT fk_c940c548f92665bb FOREIGN KEY (annual_report_log_id) REFERENCES public.annual_report_logs(id) ON DELETE CASCADE;

ALTER TABLE public.annual_report_type_assignments ADD CONSTRAINT fk_c076a82ed4f67a27 FOREIGN KEY (annualreport_id) REFERENCES public.annual_report_logs(id) ON DELETE CASCADE;

ALTER TABLE public.tasks ADD CONSTRAINT fk_5058659752818a27 FOREIGN KEY (completedby_id) REFERENCES public.assignees(id);
ALTER TABLE public.tasks ADD CONSTRAINT fk_5058659759ec7d60 FOREIGN KEY (assignee_id) REFERENCES public.assignees(id);

ALTER TABLE public.person_task ADD CONSTRAINT fk_d8985f0e217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.person_task ADD CONSTRAINT fk_d8985f0e8db60186 FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE CASCADE;

ALTER TABLE public.caseitem_task ADD CONSTRAINT fk_23f3a0c342b2f274 FOREIGN KEY (caseitem_id) REFERENCES public.cases(id) ON DELETE CASCADE;
ALTER TABLE public.caseitem_task ADD CONSTRAINT fk_23f3a0c38db60186 FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE CASCADE;

ALTER TABLE public.timeline_event ADD CONSTRAINT fk_1bc087e1a76ed395 FOREIGN KEY (user_id) REFERENCES public.assignees(id);

ALTER TABLE public.person_timeline ADD CONSTRAINT fk_d2b86351217bbb47 FOREIGN KEY (person_id) REFERENCES public.persons(id) ON DELETE CASCADE;
ALTER TABLE public.person_timeline ADD CONSTRAINT fk_d2b86351c9e35cd0 FOREIGN KEY (timelineevent_id) REFERENCES public.timeline_event(id) ON DELETE CASCADE;

ALTER TABLE public.finance_remission_exemption ADD CONSTRAINT fk_6ab78de42ac816b FOREIGN KEY (finance_person_id) REFERENCES public.finance_person(id);

ALTER TABLE public.finance_invoice ADD CONSTRAINT fk_7df7fbe042ac816b FOREIGN KEY (finance_person_id) REFERENCES public.finance_person(id) ON DELETE CASCADE;
ALTER TABLE public.finance_invoice ADD CONSTRAINT fk_7df7fbe047b45492 FOREIGN KEY (finance_remission_exemption_id) REFERENCES public.finance_remission_exemption(id) ON DELETE CASCADE;

ALTER TABLE public.finance_ledger ADD CONSTRAINT fk_ea14203c42ac816b FOREIGN KEY (finance_person_id) REFERENCES public.finance_person(id) ON DELETE CASCADE;
ALTER TABLE public.finance_ledger ADD CONSTRAINT fk_ea14203c47b45492 FOREIGN KEY (finance_remission_exemption_id) REFERENCES public.finance_remission_exemption(id) ON DELETE CASCADE;
ALTER TABLE public.finance_ledger ADD CONSTRAINT fk_ea14203c727aca70 FOREIGN KEY (parent_id) REFERENCES public.finance_ledger(id) ON DELETE CASCADE;

ALTER TABLE public.finance_ledger_allocation ADD CONSTRAINT fk_b11e238d2989f1fd FOREIGN KEY (invoice_id) REFERENCES public.finance_invoice(id) ON DELETE CASCADE;
ALTER TABLE public.finance_ledger_allocation ADD CONSTRAINT fk_b11e238deb264cb8 FOREIGN KEY (ledger_entry_id) REFERENCES public.finance_ledger(id) ON DELETE CASCADE;

ALTER TABLE public.finance_order ADD CONSTRAINT fk_f586876342ac816b FOREIGN KEY (finance_person_id) REFERENCES public.finance_person(id);

-- ====================================================================================================
-- Sequence ownership and triggers
-- ====================================================================================================

ALTER SEQUENCE public.firm_number_seq OWNED BY public.firm.firmnumber;
ALTER SEQUENCE public.deputy_number_seq OWNED BY public.persons.deputynumber;

CREATE TRIGGER set_timestamp BEFORE UPDATE ON public.assignees FOR EACH ROW EXECUTE FUNCTION public.trigger_set_timestamp();
CREATE TRIGGER set_timestamp BEFORE UPDATE ON public.persons FOR EACH ROW EXECUTE FUNCTION public.trigger_set_timestamp();
CREATE TRIGGER set_timestamp BEFORE UPDATE ON public.phonenumbers FOR EACH ROW EXECUTE FUNCTION public.trigger_set_timestamp();
CREATE TRIGGER set_timestamp BEFORE UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION public.trigger_set_timestamp();
