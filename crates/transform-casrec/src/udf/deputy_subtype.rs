use super::prelude::*;

pub struct DeputySubtype;

/// The parameters of both deputy functions, in `map_deputy_subtype`'s order.
pub(super) const NAMES: Params =
    Params::Exact(&[text("deputytype"), text("firstname"), text("othernames"), text("surname")]);

/// `map_deputy_subtype` of the row's arguments.
pub(super) fn mapped(a: &Args, r: usize) -> f::DeputySubtype {
    f::map_deputy_subtype(&f::DeputyNames {
        deputytype: a.text(0, r),
        firstname: a.text(1, r),
        othernames: a.text(2, r),
        surname: a.text(3, r),
        salutation: None,
    })
}

impl CasrecFunction for DeputySubtype {
    const NAME: &'static str = "deputy_subtype";
    const PARAMS: Params = NAMES;
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The original's `map_deputy_subtype` (applied after the lookups and title-casing): \
        `ORGANISATION` for a `PA` deputy or a `PRO` one without a first name, `PERSON` for `LAY` or a `PRO` with \
        first name and surname, otherwise NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| mapped(a, r).deputysubtype)
    }
}
