use super::deputy_subtype::{mapped, NAMES};
use super::prelude::*;

pub struct DeputyOrganisationName;

impl CasrecFunction for DeputyOrganisationName {
    const NAME: &'static str = "deputy_organisation_name";
    const PARAMS: Params = NAMES;
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "For a deputy `deputy_subtype` makes an `ORGANISATION`, its name: the first name, \
        other names and surname that are set, joined by single spaces; NULL for persons and for an organisation \
        with no name part.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| mapped(a, r).organisationname)
    }
}
